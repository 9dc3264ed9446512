package org.mesadeayuda.platform;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The institution's working calendar: its time zone, office hours and public holidays.
 *
 * @param zone time zone the office hours are in
 * @param workdayStart start of office hours
 * @param workdayEnd end of office hours
 * @param holidays days without service besides Saturdays and Sundays
 */
@ConfigurationProperties("mesa.calendar")
public record CalendarProperties(
    @DefaultValue("America/Guatemala") ZoneId zone,
    @DefaultValue("08:00") LocalTime workdayStart,
    @DefaultValue("16:00") LocalTime workdayEnd,
    List<Holiday> holidays) {

  public CalendarProperties {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    if (!workdayEnd.isAfter(workdayStart)) {
      throw new IllegalArgumentException("mesa.calendar.workday-end must be after workday-start");
    }
  }

  public record Holiday(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String name) {}
}
