package org.mesadeayuda.platform;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The institution's working calendar: its time zone, office hours, the country's public holidays (from the Jollyday
 * holiday library: any year, no list to extend) and its own days.
 *
 * @param zone time zone the office hours are in
 * @param workdayStart start of office hours
 * @param workdayEnd end of office hours
 * @param lunchStart start of the lunch break, not business time (none: the office does not close for lunch)
 * @param lunchEnd end of the lunch break
 * @param country ISO code of the country whose public holidays apply ({@code gt}, {@code co}, {@code py}); none: only
 *     the listed days
 * @param region the country's region (Jollyday hierarchy below the country, e.g. {@code gua} for Guatemala City)
 * @param holidays the institution's own days without service besides weekends and the country's holidays: bridge days
 *     declared by the government, the local patron-saint day, and afternoon-only days ({@code half-day: true}: the
 *     business day ends at noon)
 */
@ConfigurationProperties("mesa.calendar")
public record CalendarProperties(
    @DefaultValue("America/Guatemala") ZoneId zone,
    @DefaultValue("08:00") LocalTime workdayStart,
    @DefaultValue("16:00") LocalTime workdayEnd,
    LocalTime lunchStart,
    LocalTime lunchEnd,
    String country,
    String region,
    List<Holiday> holidays) {

  /** The afternoon of a half day starts at noon (Código de Trabajo de Guatemala, art. 127: "desde las doce horas"). */
  public static final LocalTime NOON = LocalTime.NOON;

  @ConstructorBinding
  public CalendarProperties {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    country = country == null || country.isBlank() ? null : country.trim().toLowerCase();
    region = region == null || region.isBlank() ? null : region.trim().toLowerCase();
    if (!workdayEnd.isAfter(workdayStart)) {
      throw new IllegalArgumentException("mesa.calendar.workday-end must be after workday-start");
    }
    if ((lunchStart == null) != (lunchEnd == null) || lunchStart != null && (!lunchEnd.isAfter(lunchStart)
        || !lunchStart.isAfter(workdayStart) || !lunchEnd.isBefore(workdayEnd))) {
      throw new IllegalArgumentException("mesa.calendar.lunch-start and lunch-end go together, in that order, inside "
          + "office hours");
    }
  }

  /** A calendar of the country's holidays and listed days, without a lunch break. */
  public CalendarProperties(ZoneId zone, LocalTime workdayStart, LocalTime workdayEnd, String country, String region,
      List<Holiday> holidays) {
    this(zone, workdayStart, workdayEnd, null, null, country, region, holidays);
  }

  /** A calendar of listed days only, no country. */
  public CalendarProperties(ZoneId zone, LocalTime workdayStart, LocalTime workdayEnd, List<Holiday> holidays) {
    this(zone, workdayStart, workdayEnd, null, null, null, null, holidays);
  }

  /**
   * A day of the institution without service: one date, or a day of every year.
   *
   * @param date the day (a bridge day declared for one year)
   * @param everyYear month and day ({@code 12-24}) of a day off every year, such as Guatemala's afternoon-only 24 and
   *     31 December (Código de Trabajo, art. 127): no list to extend each year
   * @param halfDay only the afternoon is off: the business day ends at noon
   */
  public record Holiday(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String everyYear, String name,
      boolean halfDay) {

    @ConstructorBinding
    public Holiday {
      if ((date == null) == (everyYear == null || everyYear.isBlank())) {
        throw new IllegalArgumentException("mesa.calendar.holidays: each day has a date or every-year (MM-DD), not "
            + "both: " + name);
      }
      if (everyYear != null && !everyYear.isBlank()) {
        monthDay(everyYear);
      }
    }

    public Holiday(LocalDate date, String name, boolean halfDay) {
      this(date, null, name, halfDay);
    }

    public Holiday(LocalDate date, String name) {
      this(date, null, name, false);
    }

    /** The day of every year, or null for a one-date day. */
    public MonthDay yearly() {
      return everyYear == null || everyYear.isBlank() ? null : monthDay(everyYear);
    }

    private static MonthDay monthDay(String text) {
      String trimmed = text.trim();
      try {
        return MonthDay.parse(trimmed.startsWith("--") ? trimmed : "--" + trimmed);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("mesa.calendar.holidays.every-year must be MM-DD (12-24): " + text, e);
      }
    }
  }
}
