package org.mesadeayuda.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Deadlines in business days (días hábiles) and business hours: weekends and the configured public holidays do not
 * count, nor does the time outside office hours. Exposed to BPMN expressions as {@code businessCalendar}, e.g.
 * {@code ${businessCalendar.addBusinessDays(now(), 3)}}.
 *
 * <p>A moment outside office hours counts from the next opening: a request received on Saturday, or on Friday after
 * closing, is due as if received on Monday at opening time.
 */
@Component("businessCalendar")
@ExpressionHelper
public class BusinessCalendar {

  private final ZoneId zone;
  private final LocalTime workdayStart;
  private final LocalTime workdayEnd;
  private final Map<LocalDate, String> holidays;

  public BusinessCalendar(CalendarProperties properties) {
    this.zone = properties.zone();
    this.workdayStart = properties.workdayStart();
    this.workdayEnd = properties.workdayEnd();
    this.holidays = properties.holidays().stream()
        .collect(Collectors.toUnmodifiableMap(CalendarProperties.Holiday::date, CalendarProperties.Holiday::name,
            (first, second) -> first + " / " + second));
  }

  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !holidays.containsKey(day);
  }

  /** The holiday's name, when the day is a configured holiday. */
  public Optional<String> holidayName(LocalDate day) {
    return Optional.ofNullable(holidays.get(day));
  }

  /**
   * A deadline of {@code days} business days: the closing time of the {@code days}-th business day after the day of
   * the next business moment. The manuals count such deadlines in days ("tres días hábiles", "los primeros diez días
   * hábiles"), not in hours, so a day counts whole: a ticket received on Monday at 10:00 with 3 days is due on
   * Thursday at closing, not at 10:00. Zero days is the closing time of the day itself.
   */
  public Date addBusinessDays(Date from, int days) {
    return toDate(addBusinessDays(toZoned(from), days));
  }

  public ZonedDateTime addBusinessDays(ZonedDateTime from, int days) {
    requireNotNegative(days);
    // a moment at closing time still belongs to its day: an extension of a deadline that ends at closing counts
    // from that deadline's day, not from the next one
    ZonedDateTime local = from.withZoneSameInstant(zone);
    LocalDate day = isBusinessDay(local.toLocalDate()) && local.toLocalTime().equals(workdayEnd)
        ? local.toLocalDate() : nextBusinessMoment(from).toLocalDate();
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        counted++;
      }
    }
    return ZonedDateTime.of(day, workdayEnd, zone);
  }

  /** The moment when {@code hours} office hours have passed, counted from the next business moment. */
  public Date addBusinessHours(Date from, int hours) {
    return toDate(addBusinessHours(toZoned(from), hours));
  }

  public ZonedDateTime addBusinessHours(ZonedDateTime from, int hours) {
    requireNotNegative(hours);
    ZonedDateTime moment = nextBusinessMoment(from);
    Duration remaining = Duration.ofHours(hours);
    while (true) {
      Duration leftToday = Duration.between(moment.toLocalTime(), workdayEnd);
      if (remaining.compareTo(leftToday) <= 0) {
        return moment.plus(remaining);
      }
      remaining = remaining.minus(leftToday);
      moment = ZonedDateTime.of(nextBusinessDay(moment.toLocalDate()), workdayStart, zone);
    }
  }

  /**
   * Business days between two moments, with fractions of a day by office hours: what the reports call the
   * resolution time. Zero when {@code to} is not after {@code from}.
   */
  public double businessDaysBetween(Date from, Date to) {
    ZonedDateTime start = nextBusinessMoment(toZoned(from));
    ZonedDateTime end = toZoned(to);
    if (!end.isAfter(start)) {
      return 0;
    }
    double workdayMinutes = Duration.between(workdayStart, workdayEnd).toMinutes();
    double minutes = 0;
    ZonedDateTime cursor = start;
    while (cursor.toLocalDate().isBefore(end.toLocalDate())) {
      minutes += Duration.between(cursor.toLocalTime(), workdayEnd).toMinutes();
      cursor = ZonedDateTime.of(nextBusinessDay(cursor.toLocalDate()), workdayStart, zone);
    }
    if (cursor.toLocalDate().equals(end.toLocalDate()) && isBusinessDay(end.toLocalDate())) {
      LocalTime until = clamp(end.toLocalTime());
      if (until.isAfter(cursor.toLocalTime())) {
        minutes += Duration.between(cursor.toLocalTime(), until).toMinutes();
      }
    }
    return minutes / workdayMinutes;
  }

  /** The closing time of a day: what a deadline "by the end of that day" means. */
  public Date closingTime(LocalDate day) {
    return toDate(ZonedDateTime.of(day, workdayEnd, zone));
  }

  /**
   * The closing time of the {@code n}-th business day of a month: the deadline of reports due "within the first
   * {@code n} business days of the month" (PM-4, RP-1).
   */
  public Date endOfBusinessDay(YearMonth month, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("the first business day is 1: " + n);
    }
    LocalDate day = month.atDay(1);
    int counted = isBusinessDay(day) ? 1 : 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        counted++;
      }
    }
    return closingTime(day);
  }

  /** The given moment if it is inside office hours, otherwise the next opening. */
  public ZonedDateTime nextBusinessMoment(ZonedDateTime moment) {
    ZonedDateTime local = moment.withZoneSameInstant(zone);
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (isBusinessDay(day) && time.isBefore(workdayStart)) {
      return ZonedDateTime.of(day, workdayStart, zone);
    }
    if (isBusinessDay(day) && time.isBefore(workdayEnd)) {
      return local;
    }
    return ZonedDateTime.of(nextBusinessDay(day), workdayStart, zone);
  }

  public ZoneId zone() {
    return zone;
  }

  private LocalDate nextBusinessDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  private LocalTime clamp(LocalTime time) {
    return time.isBefore(workdayStart) ? workdayStart : time.isAfter(workdayEnd) ? workdayEnd : time;
  }

  private ZonedDateTime toZoned(Date date) {
    return date.toInstant().atZone(zone);
  }

  private static Date toDate(ZonedDateTime moment) {
    return Date.from(moment.toInstant());
  }

  private static void requireNotNegative(int amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
  }
}
