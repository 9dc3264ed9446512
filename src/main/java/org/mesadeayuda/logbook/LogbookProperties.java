package org.mesadeayuda.logbook;

import java.time.DayOfWeek;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which areas a round of the infrastructure logbooks checks (004 actividad 9, PM-5) and which readings call for an
 * incident. When rounds open is the timer of infrastructure-logbook.bpmn (weekdays 08:00): a cron in the diagram, as
 * in data-centre-backup, so the model deploys on any engine without the application's beans.
 *
 * @param weeklyDay the day of the week the areas checked weekly are part of the round
 * @param areas each area checked and how often: {@code daily} (every round) or {@code weekly}; an area left out is not
 *     checked
 * @param maxRoomTemperature the data room's highest acceptable temperature (°C); above it a check is an incident
 * @param maxUpsLoadPercent the UPS's highest acceptable load (%)
 * @param minUpsBatteryPercent the UPS battery's lowest acceptable charge (%)
 */
@ConfigurationProperties("mesa.logbook")
public record LogbookProperties(
    @DefaultValue("MONDAY") DayOfWeek weeklyDay,
    Map<String, String> areas,
    @DefaultValue("27") double maxRoomTemperature,
    @DefaultValue("80") int maxUpsLoadPercent,
    @DefaultValue("50") int minUpsBatteryPercent) {

  public static final String DAILY = "daily";
  public static final String WEEKLY = "weekly";

  public LogbookProperties {
    areas = areas == null ? Map.of() : Map.copyOf(areas);
    areas.forEach((area, frequency) -> {
      if (!LogbookAreas.LABELS.containsKey(area)) {
        throw new IllegalStateException("mesa.logbook.areas names an unknown area: " + area + " (known: "
            + LogbookAreas.LABELS.keySet() + ")");
      }
      if (!DAILY.equals(frequency) && !WEEKLY.equals(frequency)) {
        throw new IllegalStateException("mesa.logbook.areas." + area + " must be daily or weekly: " + frequency);
      }
    });
  }
}
