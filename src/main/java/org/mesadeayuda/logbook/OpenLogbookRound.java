package org.mesadeayuda.logbook;

import static org.mesadeayuda.logbook.LogbookVariables.*;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.TicketNumbers;
import org.springframework.stereotype.Component;

/**
 * PM-5: a logbook round opens with its code (BIT-2026-000001, the business key), one pending line per area due that
 * day, and its window: the close of the business day it opens on (or of the next one, when it opens after hours).
 */
@Component("openLogbookRound")
public class OpenLogbookRound implements JavaDelegate {

  private static final DateTimeFormatter SPANISH =
      DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy, HH:mm", Locale.forLanguageTag("es"));

  private final LogbookAreas areas;
  private final LogbookEntryRepository entries;
  private final TicketNumbers ticketNumbers;
  private final BusinessCalendar calendar;

  public OpenLogbookRound(LogbookAreas areas, LogbookEntryRepository entries, TicketNumbers ticketNumbers,
      BusinessCalendar calendar) {
    this.areas = areas;
    this.entries = entries;
    this.ticketNumbers = ticketNumbers;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant scheduledAt = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MINUTES);
    ZonedDateTime local = scheduledAt.atZone(calendar.zone());
    Date due = calendar.closingTime(calendar.nextBusinessMoment(local).toLocalDate());
    List<String> dueAreas = areas.dueOn(local.getDayOfWeek());
    String roundCode = ticketNumbers.next(execution, ROUND_PREFIX);
    execution.setProcessBusinessKey(roundCode);
    execution.setVariable(ROUND_CODE, roundCode);
    execution.setVariable(ROUND_AREAS, String.join(",", dueAreas));
    execution.setVariable(ROUND_DUE, due);
    execution.setVariable(ROUND_SCHEDULED_LABEL, SPANISH.format(local));
    for (String area : dueAreas) {
      entries.save(LogbookEntry.pending(roundCode, execution.getProcessInstanceId(), area, scheduledAt,
          due.toInstant()));
    }
  }
}
