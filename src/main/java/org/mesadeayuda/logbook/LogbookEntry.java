package org.mesadeayuda.logbook;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One area's line in a logbook round (bitácora, 004 actividad 9): its status (ok, incident, or missed when the round's
 * window closed without it), the readings where they make sense, observations and who recorded it.
 */
public record LogbookEntry(
    @Id Long id,
    String roundCode,
    String processInstanceId,
    String area,
    Instant scheduledAt,
    Instant dueAt,
    String status,
    Integer upsLoadPercent,
    Integer upsBatteryPercent,
    BigDecimal roomTemperature,
    String observations,
    String incidentDescription,
    String recordedBy,
    Instant recordedAt) {

  public static final String PENDING = "pending";
  public static final String OK = "ok";
  public static final String INCIDENT = "incident";
  public static final String MISSED = "missed";

  static LogbookEntry pending(String roundCode, String processInstanceId, String area, Instant scheduledAt,
      Instant dueAt) {
    return new LogbookEntry(null, roundCode, processInstanceId, area, scheduledAt, dueAt, PENDING, null, null, null,
        null, null, null, null);
  }

  /** The area's name in Spanish, for the register's readers. */
  @JsonProperty("areaLabel")
  public String areaLabel() {
    return LogbookAreas.label(area);
  }
}
