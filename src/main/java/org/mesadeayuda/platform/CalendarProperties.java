package org.mesadeayuda.platform;

import java.time.LocalDate;
import java.time.LocalTime;
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
   * A day of the institution without service.
   *
   * @param halfDay only the afternoon is off: the business day ends at noon
   */
  public record Holiday(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String name, boolean halfDay) {

    @ConstructorBinding
    public Holiday {}

    public Holiday(LocalDate date, String name) {
      this(date, name, false);
    }
  }
}
