package org.mesadeayuda.platform;

import java.time.Year;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers such as {@code SOP-2026-000042}: one counter per prefix and year in the database, so numbers stay
 * unique across restarts and across application nodes sharing the database. The counter row is locked by its update,
 * in a transaction of its own so a slow case start does not hold other nodes back; a number whose case then fails to
 * start is simply not used (gaps are possible, duplicates are not).
 */
@Component("ticketNumbers")
public class TicketNumbers {

  private static final int ATTEMPTS = 5;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ZoneId zone;
  private final Procedures procedures;

  public TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BusinessCalendar calendar) {
    this(jdbc, transactionManager, calendar, null);
  }

  @Autowired
  public TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BusinessCalendar calendar,
      Procedures procedures) {
    this.procedures = procedures;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.zone = calendar.zone();
  }

  /**
   * The next number of the case {@code execution} runs, with the institution's prefix for its process
   * ({@code mesa.procedures.case-prefixes}) or else the application's {@code applicationPrefix}.
   */
  public String next(DelegateExecution execution, String applicationPrefix) {
    return next(procedures == null ? applicationPrefix : procedures.casePrefix(execution, applicationPrefix));
  }

  /** The next number for {@code prefix} in the current year (engine clock, so tests can move it). */
  public String next(String prefix) {
    int year = Year.from(ClockUtil.getCurrentTime().toInstant().atZone(zone)).getValue();
    long number = nextValue(prefix, year);
    return "%s-%d-%06d".formatted(prefix, year, number);
  }

  private long nextValue(String prefix, int year) {
    for (int attempt = 1; ; attempt++) {
      try {
        Long value = ownTransaction.execute(status -> increment(prefix, year));
        if (value != null) {
          return value;
        }
      } catch (DuplicateKeyException firstOfTheYearRace) {
        // another node created this year's counter at the same moment: its row exists now, update it
        if (attempt >= ATTEMPTS) {
          throw firstOfTheYearRace;
        }
      }
    }
  }

  private Long increment(String prefix, int year) {
    int updated = jdbc.update(
        "UPDATE ticket_counter SET last_number = last_number + 1 WHERE prefix = ? AND counter_year = ?", prefix, year);
    if (updated == 0) {
      jdbc.update("INSERT INTO ticket_counter (prefix, counter_year, last_number) VALUES (?, ?, 1)", prefix, year);
      return 1L;
    }
    return jdbc.queryForObject(
        "SELECT last_number FROM ticket_counter WHERE prefix = ? AND counter_year = ?", Long.class, prefix, year);
  }
}
