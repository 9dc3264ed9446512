package org.mesadeayuda.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The period a register is read for ({@code ?from=&to=}, office dates, both included). Without dates: the last
 * {@link #DEFAULT_DAYS} days up to today (engine clock); a bad date or a reversed period is a 400 naming the field.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

  /** The period read when the request gives no dates. */
  public static final int DEFAULT_DAYS = 90;

  public static ReportPeriod parse(String from, String to, ZoneId zone) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    LocalDate last = date("to", to, today, problems);
    LocalDate first = date("from", from, (last == null ? today : last).minusDays(DEFAULT_DAYS), problems);
    if (problems.isEmpty() && first.isAfter(last)) {
      problems.add(new FieldProblem("from", "la fecha inicial es posterior a la final"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    return new ReportPeriod(first, last, zone);
  }

  /** The first moment of the period. */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first moment after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private static LocalDate date(String field, String text, LocalDate fallback, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "no es una fecha AAAA-MM-DD: " + text));
      return null;
    }
  }
}
