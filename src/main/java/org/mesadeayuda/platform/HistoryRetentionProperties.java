package org.mesadeayuda.platform;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the engine keeps a finished case's history ({@code mesa.history.*}, issue 19): Cockpit's view of it, its
 * variables, tasks and decisions. Our registers (support_ticket, the asset register, ...) are the institution's records
 * and are not touched by it.
 *
 * @param timeToLive per process or decision key ({@code support-request: P365D}); whole days. A key not listed keeps
 *     its diagram's {@code historyTimeToLive}
 * @param defaultTimeToLive for every key not in {@code timeToLive}, instead of the diagram's value; empty: the diagram's
 */
@ConfigurationProperties("mesa.history")
public record HistoryRetentionProperties(
    @DefaultValue Map<String, Duration> timeToLive,
    Duration defaultTimeToLive) {

  /** Days to keep the history of {@code key}, or null to keep what its diagram says. */
  public Integer days(String key) {
    Duration ttl = timeToLive == null ? null : timeToLive.get(key);
    if (ttl == null) {
      ttl = defaultTimeToLive;
    }
    if (ttl == null) {
      return null;
    }
    if (ttl.isNegative() || ttl.toHoursPart() != 0 || ttl.toMinutesPart() != 0 || ttl.toSecondsPart() != 0) {
      throw new IllegalArgumentException("mesa.history time to live of " + key + " must be whole days: " + ttl);
    }
    return (int) ttl.toDays();
  }
}
