package org.mesadeayuda;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

/** Moments written as the office reads them ("2026-03-02T09:00", Guatemala time), for the engine clock in tests. */
public final class OfficeTime {

  public static final ZoneId ZONE = ZoneId.of("America/Guatemala");

  private OfficeTime() {}

  public static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
  }
}
