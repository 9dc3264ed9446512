package org.mesadeayuda.platform;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameter;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Deadlines in business days (días hábiles) and business hours: weekends and public holidays do not count, nor does
 * the time outside office hours. Exposed to BPMN expressions as {@code businessCalendar}, e.g.
 * {@code ${businessCalendar.addBusinessDays(now(), 3)}}.
 *
 * <p>The country's public holidays come from the Jollyday holiday library for any year (Easter-based and
 * Monday-moved holidays included); Guatemala's file is ours ({@code holidays/Holidays_gt.xml}). The institution adds
 * its own days; an afternoon-only day ends the business day at noon. An institution's lunch break, when configured, is
 * not business time.
 *
 * <p>A moment outside office hours counts from the next opening: a request received on Saturday, or on Friday after
 * closing, is due as if received on Monday at opening time.
 */
@Component("businessCalendar")
@ExpressionHelper
public class BusinessCalendar {

  /** Our own country files, for countries Jollyday does not ship. */
  private static final Map<String, String> OWN_COUNTRY_FILES = Map.of("gt", "holidays/Holidays_gt.xml");

  private final ZoneId zone;
  private final LocalTime workdayStart;
  private final LocalTime workdayEnd;
  private final LocalTime lunchStart;
  private final LocalTime lunchEnd;
  private final HolidayManager country;
  private final String[] region;
  private final Map<LocalDate, String> institutionDays = new HashMap<>();
  private final Map<LocalDate, String> halfDays = new HashMap<>();
  private final Map<MonthDay, String> yearlyDays = new HashMap<>();
  private final Map<MonthDay, String> yearlyHalfDays = new HashMap<>();
  private final Map<Integer, Map<LocalDate, String>> countryHolidaysByYear = new ConcurrentHashMap<>();

  public BusinessCalendar(CalendarProperties properties) {
    this.zone = properties.zone();
    this.workdayStart = properties.workdayStart();
    this.workdayEnd = properties.workdayEnd();
    this.lunchStart = properties.lunchStart();
    this.lunchEnd = properties.lunchEnd();
    this.country = properties.country() == null ? null : HolidayManager.getInstance(parameter(properties.country()));
    this.region = properties.region() == null ? new String[0] : new String[] {properties.region()};
    for (CalendarProperties.Holiday day : properties.holidays()) {
      if (day.yearly() != null) {
        (day.halfDay() ? yearlyHalfDays : yearlyDays).merge(day.yearly(), day.name(), (a, b) -> a + " / " + b);
      } else {
        (day.halfDay() ? halfDays : institutionDays).merge(day.date(), day.name(), (a, b) -> a + " / " + b);
      }
    }
  }

  private static ManagerParameter parameter(String country) {
    String own = OWN_COUNTRY_FILES.get(country);
    if (own == null) {
      return ManagerParameters.create(country);
    }
    URL file = BusinessCalendar.class.getClassLoader().getResource(own);
    if (file == null) {
      throw new IllegalStateException("holiday file missing from the application: " + own);
    }
    return ManagerParameters.create(file);
  }

  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && fullHolidayName(day) == null;
  }

  /** The holiday's name, when the day is a public holiday, an institution day or an afternoon-only day. */
  public Optional<String> holidayName(LocalDate day) {
    String full = fullHolidayName(day);
    return Optional.ofNullable(full != null ? full : halfDayName(day));
  }

  private String halfDayName(LocalDate day) {
    String listed = halfDays.get(day);
    return listed != null ? listed : yearlyHalfDays.get(MonthDay.from(day));
  }

  /** Whether only the morning of a business day is worked (the business day ends at noon). */
  public boolean isHalfDay(LocalDate day) {
    return isBusinessDay(day) && halfDayName(day) != null;
  }

  /** The closing time of a business day: noon on an afternoon-only holiday, otherwise the end of office hours. */
  public LocalTime closingOf(LocalDate day) {
    return isHalfDay(day) && CalendarProperties.NOON.isBefore(workdayEnd) ? CalendarProperties.NOON : workdayEnd;
  }

  /** The days between two dates (both included), as the desk and people checking a deadline read them. */
  public List<CalendarDay> days(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to before from");
    }
    List<CalendarDay> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      boolean business = isBusinessDay(day);
      days.add(new CalendarDay(day, business, business ? workdayStart : null, business ? closingOf(day) : null,
          holidayName(day).orElse(null), isHalfDay(day)));
    }
    return days;
  }

  /** One day of the calendar: business or not, its office hours, and the holiday's name if any. */
  public record CalendarDay(LocalDate date, boolean businessDay, LocalTime opens, LocalTime closes, String holiday,
      boolean halfDay) {}

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
    LocalDate day = isBusinessDay(local.toLocalDate()) && local.toLocalTime().equals(closingOf(local.toLocalDate()))
        ? local.toLocalDate() : nextBusinessMoment(from).toLocalDate();
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        counted++;
      }
    }
    return ZonedDateTime.of(day, closingOf(day), zone);
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
      LocalDate day = moment.toLocalDate();
      for (LocalTime[] interval : intervals(day)) {
        if (!moment.toLocalTime().isBefore(interval[1])) {
          continue;
        }
        LocalTime start = moment.toLocalTime().isAfter(interval[0]) ? moment.toLocalTime() : interval[0];
        Duration available = Duration.between(start, interval[1]);
        if (remaining.compareTo(available) <= 0) {
          return ZonedDateTime.of(day, start, zone).plus(remaining);
        }
        remaining = remaining.minus(available);
      }
      moment = ZonedDateTime.of(nextBusinessDay(day), workdayStart, zone);
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
    double workdayMinutes = workedMinutes(intervals(null), workdayStart, workdayEnd);
    double minutes = 0;
    for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (!isBusinessDay(day)) {
        continue;
      }
      LocalTime since = day.equals(start.toLocalDate()) ? start.toLocalTime() : workdayStart;
      LocalTime until = day.equals(end.toLocalDate()) ? end.toLocalTime() : workdayEnd;
      minutes += workedMinutes(intervals(day), since, until);
    }
    return minutes / workdayMinutes;
  }

  /**
   * The worked intervals of a day: office hours less the lunch break, ending at the day's closing time ({@code null}:
   * an ordinary day).
   */
  private List<LocalTime[]> intervals(LocalDate day) {
    LocalTime closing = day == null ? workdayEnd : closingOf(day);
    List<LocalTime[]> intervals = new ArrayList<>();
    if (lunchStart == null || !lunchStart.isBefore(closing)) {
      intervals.add(new LocalTime[] {workdayStart, closing});
      return intervals;
    }
    intervals.add(new LocalTime[] {workdayStart, lunchStart});
    if (lunchEnd.isBefore(closing)) {
      intervals.add(new LocalTime[] {lunchEnd, closing});
    }
    return intervals;
  }

  private static long workedMinutes(List<LocalTime[]> intervals, LocalTime from, LocalTime until) {
    long minutes = 0;
    for (LocalTime[] interval : intervals) {
      LocalTime start = from.isAfter(interval[0]) ? from : interval[0];
      LocalTime end = until.isBefore(interval[1]) ? until : interval[1];
      if (end.isAfter(start)) {
        minutes += Duration.between(start, end).toMinutes();
      }
    }
    return minutes;
  }

  /** The closing time of a day: what a deadline "by the end of that day" means. */
  public Date closingTime(LocalDate day) {
    return toDate(ZonedDateTime.of(day, closingOf(day), zone));
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
    if (isBusinessDay(day) && lunchStart != null && !time.isBefore(lunchStart) && time.isBefore(lunchEnd)
        && lunchEnd.isBefore(closingOf(day))) {
      return ZonedDateTime.of(day, lunchEnd, zone);
    }
    if (isBusinessDay(day) && time.isBefore(closingOf(day)) && (lunchStart == null || time.isBefore(lunchStart)
        || !time.isBefore(lunchEnd))) {
      return local;
    }
    return ZonedDateTime.of(nextBusinessDay(day), workdayStart, zone);
  }

  public ZoneId zone() {
    return zone;
  }

  private String fullHolidayName(LocalDate day) {
    String own = institutionDays.getOrDefault(day, yearlyDays.get(MonthDay.from(day)));
    if (own != null) {
      return own;
    }
    return country == null ? null : countryHolidays(day.getYear()).get(day);
  }

  private Map<LocalDate, String> countryHolidays(int year) {
    return countryHolidaysByYear.computeIfAbsent(year, y -> {
      Map<LocalDate, String> days = new HashMap<>();
      // getDate() is the day off (a Colombian holiday moved to Monday), not the day it commemorates
      country.getHolidays(Year.of(y), region).forEach(holiday -> days.merge(holiday.getDate(),
          HolidayNames.spanish(holiday.getPropertiesKey(), holiday.getDescription(Locale.ENGLISH)),
          (a, b) -> a + " / " + b));
      return Map.copyOf(days);
    });
  }

  private LocalDate nextBusinessDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next;
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
