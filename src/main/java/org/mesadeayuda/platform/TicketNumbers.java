package org.mesadeayuda.platform;

import java.time.Year;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers such as {@code SOP-2026-000042}: one database sequence per prefix and year ({@code ticket_no_sop_2026}),
 * so numbers stay unique across restarts, crashes and application nodes sharing the database (issue 19).
 *
 * <p>A sequence hands out values without a row lock and outside transactions: a case start draws its number on its
 * own connection and nobody waits for its commit (the counter row of {@code ticket_counter} serialised every start
 * behind it, and took a second pooled connection for a transaction of its own). What a sequence gives away is never
 * given again, also when the start that drew it rolls back or the node dies: numbers can have gaps, never duplicates
 * (README "Ticket numbers"). A year's sequence is created the first time it is needed, in a short transaction of its
 * own, continuing from that year's row of the former counter table if there is one.
 */
@Component("ticketNumbers")
public class TicketNumbers {

  private static final Pattern SAFE_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,9}");
  private static final int ATTEMPTS = 5;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ZoneId zone;
  private final Procedures procedures;
  /** Sequences this node knows to exist (they are never dropped). */
  private final Set<String> existing = ConcurrentHashMap.newKeySet();
  private volatile Boolean postgres;

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
    String sequence = sequenceName(prefix, year);
    if (!existing.contains(sequence)) {
      create(sequence, prefix, year);
    }
    Long number = jdbc.queryForObject(isPostgres() ? "SELECT nextval('" + sequence + "')"
        : "SELECT NEXT VALUE FOR " + sequence, Long.class);
    return "%s-%d-%06d".formatted(prefix, year, number);
  }

  /** The sequence of {@code prefix} in {@code year}; the prefix is checked, as it becomes part of an SQL name. */
  public static String sequenceName(String prefix, int year) {
    if (prefix == null || !SAFE_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("case prefix must be 1 to 10 letters and digits, starting with a letter: "
          + prefix);
    }
    return "ticket_no_" + prefix.toLowerCase(Locale.ROOT) + "_" + year;
  }

  private void create(String sequence, String prefix, int year) {
    for (int attempt = 1; ; attempt++) {
      try {
        // its own transaction: H2 commits the current transaction on DDL, and a PostgreSQL start that rolls back
        // must not take the year's new sequence with it
        ownTransaction.executeWithoutResult(status -> {
          if (!sequenceExists(sequence)) {
            jdbc.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence + " START WITH " + (lastCounted(prefix, year) + 1));
          }
        });
        existing.add(sequence);
        return;
      } catch (DataAccessException createdByAnotherNodeAtTheSameMoment) {
        // PostgreSQL's IF NOT EXISTS does not cover two sessions creating the name at once: the other one won
        if (attempt >= ATTEMPTS) {
          throw createdByAnotherNodeAtTheSameMoment;
        }
      }
    }
  }

  private boolean sequenceExists(String sequence) {
    Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.sequences "
        + "WHERE LOWER(sequence_name) = ? AND LOWER(sequence_schema) = LOWER(CURRENT_SCHEMA)", Integer.class, sequence);
    return found != null && found > 0;
  }

  /** The last number the former counter table gave out for the year (V1; an upgraded database continues from it). */
  private long lastCounted(String prefix, int year) {
    Long last = jdbc.query("SELECT last_number FROM ticket_counter WHERE prefix = ? AND counter_year = ?",
        rs -> rs.next() ? rs.getLong(1) : 0L, prefix, year);
    return last == null ? 0 : last;
  }

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known = jdbc.execute((ConnectionCallback<Boolean>) connection ->
          connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
      postgres = known;
    }
    return known;
  }
}
