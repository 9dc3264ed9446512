package org.mesadeayuda.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which open tickets stand behind a number of the dashboard: the list page's query string ({@code ?semaforo=breached},
 * {@code ?estado=assigned}, {@code ?prioridad=high}, {@code ?antiguedad=2}, {@code ?tecnico=tomas.tecnico},
 * {@code ?tipo=telephony}). The value is checked against what the dashboard links to and bound as a parameter.
 */
record TicketFilter(Kind kind, String value) {

  enum Kind {
    LIGHT("semaforo"), STATE("estado"), PRIORITY("prioridad"), AGE("antiguedad"), TECHNICIAN("tecnico"),
    TYPE("tipo");

    final String parameter;

    Kind(String parameter) {
      this.parameter = parameter;
    }
  }

  static final Set<String> LIGHTS = Set.of("on_time", "at_risk", "breached", "exempt", "resolved");
  static final Set<String> STATES = Set.of("registered", "assigned", "attending", "temporary", "resolved");
  /** The technician value of tickets nobody holds yet. */
  static final String NOBODY = "-";

  static class InvalidFilterException extends RuntimeException {}

  TicketFilter {
    boolean valid = value != null && value.length() <= 64 && switch (kind) {
      case LIGHT -> LIGHTS.contains(value);
      case STATE -> STATES.contains(value);
      case AGE -> value.matches("\\d") && Integer.parseInt(value) < DashboardFigures.AGE_BUCKETS.size();
      case PRIORITY, TECHNICIAN, TYPE -> !value.isBlank();
    };
    if (!valid) {
      throw new InvalidFilterException();
    }
  }

  /** The SQL condition on support_ticket, its values added to {@code params}. */
  String condition(MapSqlParameterSource params, Instant now) {
    params.addValue("filter", value);
    return switch (kind) {
      case LIGHT -> DashboardFigures.LIGHT + " = :filter";
      case STATE -> DashboardFigures.STATE + " = :filter";
      case PRIORITY -> "priority = :filter";
      case TYPE -> "request_type = :filter";
      case TECHNICIAN -> NOBODY.equals(value) ? "technician IS NULL AND resolved_at IS NULL"
          : "technician = :filter AND resolved_at IS NULL";
      case AGE -> {
        int[] bucket = DashboardFigures.AGE_BUCKETS.get(Integer.parseInt(value));
        params.addValue("youngest", Timestamp.from(now.minus(bucket[0], ChronoUnit.DAYS)));
        String condition = "opened_at <= :youngest";
        if (bucket[1] != Integer.MAX_VALUE) {
          params.addValue("oldest", Timestamp.from(now.minus(bucket[1], ChronoUnit.DAYS)));
          condition += " AND opened_at > :oldest";
        }
        yield condition;
      }
    };
  }
}
