package org.mesadeayuda.support;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The support desk's monthly indicators (RP-1), read from the ticket register: tickets closed in a month per request
 * type, the share of "servicio conforme" (SR-8) and the average resolution time in business days. A month is the
 * institution's calendar month (the business calendar's time zone). Each query is answered from one index (V7).
 */
@Component
public class MonthlyIndicators {

  /** Conforming and non-conforming tickets of a month; exempt tickets count in neither (SR-8). */
  public record Conformity(long conforming, long nonConforming, long exempt) {

    /** Percentage of conforming among the tickets that had a deadline, empty when there were none. */
    public OptionalDouble percentConforming() {
      long measured = conforming + nonConforming;
      return measured == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * conforming / measured);
    }
  }

  private static final String IN_MONTH = " WHERE closed_at >= :from AND closed_at < :to";

  private final NamedParameterJdbcTemplate jdbc;
  private final ZoneId zone;

  public MonthlyIndicators(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar) {
    this.jdbc = jdbc;
    this.zone = calendar.zone();
  }

  /** Tickets closed in the month, by request type (alphabetical). */
  public Map<String, Long> ticketsPerType(YearMonth month) {
    Map<String, Long> perType = new LinkedHashMap<>();
    jdbc.query("SELECT request_type, COUNT(*) AS tickets FROM support_ticket" + IN_MONTH
            + " GROUP BY request_type ORDER BY request_type", range(month),
        row -> {
          perType.put(row.getString("request_type"), row.getLong("tickets"));
        });
    return perType;
  }

  public Conformity conformity(YearMonth month) {
    return jdbc.queryForObject("SELECT"
            + " SUM(CASE WHEN sla_status = 'conforming' THEN 1 ELSE 0 END) AS conforming,"
            + " SUM(CASE WHEN sla_status = 'non_conforming' THEN 1 ELSE 0 END) AS non_conforming,"
            + " SUM(CASE WHEN sla_status = 'exempt' THEN 1 ELSE 0 END) AS exempt"
            + " FROM support_ticket" + IN_MONTH, range(month),
        (row, n) -> new Conformity(row.getLong("conforming"), row.getLong("non_conforming"), row.getLong("exempt")));
  }

  /** Average business days from opening to resolution of the tickets closed in the month; empty when none. */
  public OptionalDouble averageResolutionBusinessDays(YearMonth month) {
    Double average = jdbc.queryForObject("SELECT AVG(resolution_business_days) FROM support_ticket" + IN_MONTH,
        range(month), Double.class);
    return average == null ? OptionalDouble.empty() : OptionalDouble.of(average);
  }

  private MapSqlParameterSource range(YearMonth month) {
    return new MapSqlParameterSource()
        .addValue("from", Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()))
        .addValue("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
  }
}
