package org.mesadeayuda.platform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The institution's business calendar as every deadline uses it: for the desk, and for anyone checking a deadline.
 * Any signed-in user may read it (it holds no case data).
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  /** A year and a day: enough for any deadline and for planning a semester, small enough to answer at once. */
  static final int MAX_DAYS = 366;

  private final BusinessCalendar calendar;

  public CalendarController(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** The days of the period with their office hours, and the holidays with their names. */
  public record Period(ZoneId zone, LocalDate from, LocalDate to, long businessDays,
      List<BusinessCalendar.CalendarDay> days, List<BusinessCalendar.CalendarDay> holidays) {}

  @GetMapping
  public Period period(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidFieldsException(List.of(new FieldProblem("to", "no puede ser anterior a from")));
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new InvalidFieldsException(List.of(new FieldProblem("to", "el periodo no puede pasar de " + MAX_DAYS
          + " días")));
    }
    List<BusinessCalendar.CalendarDay> days = calendar.days(from, to);
    return new Period(calendar.zone(), from, to, days.stream().filter(BusinessCalendar.CalendarDay::businessDay).count(),
        days, days.stream().filter(day -> day.holiday() != null).toList());
  }
}
