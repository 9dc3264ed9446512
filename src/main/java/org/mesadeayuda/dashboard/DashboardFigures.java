package org.mesadeayuda.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, read live from the registers the procedures write (support_ticket above all, and the
 * other procedures' own registers), never from the engine's variables: a register row is what the desk, Quality and
 * the monthly report count, and it stays after the engine's history is cleaned up. A head sees the rows of her
 * departments only: every query takes the viewer's scope. The registers are read in SQL, not through the other
 * procedures' classes (a package depends only on the platform), as the monthly report does.
 */
@Component
class DashboardFigures {

  /** One bar / one row: a key the list page filters on, its Spanish label and the count. */
  record Count(String key, String label, long value) {}

  /** The SLA traffic light of the open tickets still to be solved; resolved ones wait for verification. */
  record TrafficLight(long onTime, long atRisk, long breached, long exempt, long resolved) {
    long measured() {
      return onTime + atRisk + breached;
    }
  }

  record FirstResponse(long onTime, long late, long pending) {
    Double percentOnTime() {
      return percent(onTime, onTime + late);
    }
  }

  record Conformity(long conforming, long nonConforming, long exempt) {
    Double percentConforming() {
      return percent(conforming, conforming + nonConforming);
    }
  }

  record Satisfaction(long conforme, long noConforme, long withoutAnswer, long pending) {
    Double percentSatisfied() {
      return percent(conforme, conforme + noConforme);
    }
  }

  /** The semester's preventive-maintenance programme (PM-4): units maintained of those programmed. */
  record Maintenance(String semester, String status, long programmed, long maintained, long notDone, int target) {
    Double percentMaintained() {
      return percent(maintained, programmed);
    }

    boolean met() {
      return programmed > 0 && maintained * 100 >= (long) target * programmed;
    }
  }

  record TechnicianLoad(String technician, long open, long breached) {}

  record Month(YearMonth month, long closed, long conforming, long nonConforming, long exempt) {
    Double percentConforming() {
      return percent(conforming, conforming + nonConforming);
    }
  }

  /** One ticket behind a number of the dashboard. */
  record Ticket(String number, Instant openedAt, String department, String requestType, String priority,
      String technician, Instant resolutionDue, String state) {}

  /** The age buckets of the backlog, in calendar days since the ticket was opened. */
  static final List<int[]> AGE_BUCKETS = List.of(new int[] {0, 1}, new int[] {1, 4}, new int[] {4, 8},
      new int[] {8, 16}, new int[] {16, 31}, new int[] {31, Integer.MAX_VALUE});

  static final String STATE = "CASE WHEN resolved_at IS NOT NULL THEN 'resolved'"
      + " WHEN temporary_solution_at IS NOT NULL THEN 'temporary'"
      + " WHEN first_response_at IS NOT NULL THEN 'attending'"
      + " WHEN assigned_at IS NOT NULL OR technician IS NOT NULL THEN 'assigned'"
      + " ELSE 'registered' END";

  /**
   * The light of an open ticket: exempt ones (SR-8) have no deadline; a ticket already marked non-conforming, or
   * whose resolution deadline passed, is breached; one due before the end of the next business day is at risk.
   */
  static final String LIGHT = "CASE WHEN resolved_at IS NOT NULL THEN 'resolved'"
      + " WHEN sla_status = 'exempt' THEN 'exempt'"
      + " WHEN sla_status = 'non_conforming' OR resolution_due < :now THEN 'breached'"
      + " WHEN resolution_due < :riskLimit THEN 'at_risk'"
      + " ELSE 'on_time' END";

  private static final String OPEN = " FROM support_ticket WHERE closed_at IS NULL";

  private final NamedParameterJdbcTemplate jdbc;
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final int maintenanceTarget;

  DashboardFigures(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar,
      @Value("${mesa.maintenance.compliance-percent-target:80}") int maintenanceTarget) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.zone = calendar.zone();
    this.maintenanceTarget = maintenanceTarget;
  }

  Map<String, Long> openPerState(Viewer viewer) {
    return grouped(groupedBy(STATE, OPEN + scope(viewer)), params(viewer));
  }

  Map<String, Long> openPerPriority(Viewer viewer) {
    return grouped("SELECT priority AS item, COUNT(*) AS n" + OPEN + scope(viewer) + " GROUP BY priority",
        params(viewer));
  }

  Map<String, Long> openPerType(Viewer viewer) {
    return grouped("SELECT request_type AS item, COUNT(*) AS n" + OPEN + scope(viewer)
        + " GROUP BY request_type ORDER BY request_type", params(viewer));
  }

  /**
   * Open cases per procedure, each from its own register. A ticket whose type has its own procedure (backup, e-mail
   * account, specialised request) is counted as a ticket and again in that procedure's register, where its work is.
   * Remote-access grants record no department: a head does not see them.
   */
  Map<String, Long> openPerProcedure(Viewer viewer) {
    MapSqlParameterSource params = params(viewer);
    Map<String, Long> perProcedure = new LinkedHashMap<>();
    perProcedure.put("support-request", count("SELECT COUNT(*)" + OPEN + scope(viewer), params));
    perProcedure.put("specialised-request", count("SELECT COUNT(*) FROM specialised_request"
        + " WHERE closed_at IS NULL AND status NOT IN ('delivered', 'refused', 'cancelled')" + scope(viewer), params));
    perProcedure.put("information-backup", count("SELECT COUNT(*) FROM backup_request"
        + " WHERE status IN ('requested', 'authorized')" + scope(viewer), params));
    perProcedure.put("email-account", count("SELECT COUNT(*) FROM email_account_request"
        + " WHERE status IN ('requested', 'approved', 'submitted')" + scope(viewer), params));
    if (viewer.seesAll()) {
      perProcedure.put("remote-access", count("SELECT COUNT(*) FROM remote_access_grant"
          + " WHERE state IN ('requested', 'authorized', 'active')", params));
    }
    return perProcedure;
  }

  TrafficLight trafficLight(Viewer viewer, Instant now) {
    Map<String, Long> lights = grouped(groupedBy(LIGHT, OPEN + scope(viewer)), light(params(viewer), now));
    return new TrafficLight(lights.getOrDefault("on_time", 0L), lights.getOrDefault("at_risk", 0L),
        lights.getOrDefault("breached", 0L), lights.getOrDefault("exempt", 0L), lights.getOrDefault("resolved", 0L));
  }

  /** Of the tickets opened this month: first response (SR-9) within its target, late, still awaited. */
  FirstResponse firstResponse(Viewer viewer, YearMonth month) {
    return jdbc.queryForObject("SELECT"
            + " SUM(CASE WHEN first_response_breached = FALSE AND first_response_at IS NOT NULL"
            + "     AND first_response_at <= first_response_due THEN 1 ELSE 0 END) AS on_time,"
            + " SUM(CASE WHEN first_response_breached = TRUE"
            + "     OR first_response_at > first_response_due THEN 1 ELSE 0 END) AS late,"
            + " SUM(CASE WHEN first_response_breached = FALSE AND first_response_at IS NULL THEN 1 ELSE 0 END)"
            + "     AS pending"
            + " FROM support_ticket WHERE opened_at >= :from AND opened_at < :to" + scope(viewer),
        month(params(viewer), month),
        (row, n) -> new FirstResponse(row.getLong("on_time"), row.getLong("late"), row.getLong("pending")));
  }

  /** Open tickets per age bucket ({@link #AGE_BUCKETS}), in the buckets' order. */
  List<Long> aging(Viewer viewer, Instant now) {
    MapSqlParameterSource params = params(viewer);
    StringBuilder bucket = new StringBuilder("CASE");
    for (int i = 0; i < AGE_BUCKETS.size() - 1; i++) {
      // younger than the bucket's upper bound: opened after now minus that many days
      bucket.append(" WHEN opened_at > :age").append(i).append(" THEN ").append(i);
      params.addValue("age" + i, Timestamp.from(now.minus(AGE_BUCKETS.get(i)[1], ChronoUnit.DAYS)));
    }
    bucket.append(" ELSE ").append(AGE_BUCKETS.size() - 1).append(" END");
    Map<String, Long> counts = grouped(groupedBy(bucket.toString(), OPEN + scope(viewer)), params);
    List<Long> aging = new ArrayList<>();
    for (int i = 0; i < AGE_BUCKETS.size(); i++) {
      aging.add(counts.getOrDefault(String.valueOf(i), 0L));
    }
    return aging;
  }

  /** Open tickets still to be solved per technician (null: not assigned yet), with those breached, most loaded first. */
  List<TechnicianLoad> loadPerTechnician(Viewer viewer, Instant now) {
    return jdbc.query("SELECT technician, COUNT(*) AS n,"
            + " SUM(CASE WHEN sla_status = 'non_conforming' OR (sla_status <> 'exempt' AND resolution_due < :now)"
            + "     THEN 1 ELSE 0 END) AS breached"
            + OPEN + " AND resolved_at IS NULL" + scope(viewer)
            + " GROUP BY technician ORDER BY COUNT(*) DESC, technician",
        light(params(viewer), now),
        (row, n) -> new TechnicianLoad(row.getString("technician"), row.getLong("n"), row.getLong("breached")));
  }

  Conformity conformity(Viewer viewer, YearMonth month) {
    Map<String, Long> perStatus = grouped("SELECT sla_status AS item, COUNT(*) AS n FROM support_ticket"
        + " WHERE closed_at >= :from AND closed_at < :to" + scope(viewer) + " GROUP BY sla_status",
        month(params(viewer), month));
    return new Conformity(perStatus.getOrDefault("conforming", 0L), perStatus.getOrDefault("non_conforming", 0L),
        perStatus.getOrDefault("exempt", 0L));
  }

  Satisfaction satisfaction(Viewer viewer, YearMonth month) {
    Map<String, Long> perAnswer = grouped("SELECT satisfaction AS item, COUNT(*) AS n FROM support_ticket"
        + " WHERE closed_at >= :from AND closed_at < :to" + scope(viewer) + " GROUP BY satisfaction",
        month(params(viewer), month));
    return new Satisfaction(perAnswer.getOrDefault("conforme", 0L), perAnswer.getOrDefault("no_conforme", 0L),
        perAnswer.getOrDefault("sin_respuesta", 0L), perAnswer.getOrDefault(null, 0L));
  }

  /** The latest programme that was approved (the one being executed, or the last closed), or null when none. */
  Maintenance maintenance(Viewer viewer) {
    List<Map<String, Object>> programmes = jdbc.queryForList("SELECT id, semester, status FROM maintenance_programme"
        + " WHERE status <> 'drafting' ORDER BY semester DESC FETCH FIRST 1 ROWS ONLY", Map.of());
    if (programmes.isEmpty()) {
      return null;
    }
    Map<String, Object> programme = programmes.get(0);
    MapSqlParameterSource params = params(viewer).addValue("programme", programme.get("id"));
    Map<String, Long> perStatus = grouped("SELECT status AS item, COUNT(*) AS n FROM maintenance_item"
        + " WHERE programme_id = :programme" + scope(viewer) + " GROUP BY status", params);
    long programmed = perStatus.values().stream().mapToLong(Long::longValue).sum();
    return new Maintenance((String) programme.get("semester"), (String) programme.get("status"), programmed,
        perStatus.getOrDefault("done", 0L), perStatus.getOrDefault("not_done", 0L), maintenanceTarget);
  }

  /** The twelve months up to {@code last}, oldest first: tickets closed in each and their deadline. */
  List<Month> trend(Viewer viewer, YearMonth last) {
    YearMonth first = last.minusMonths(11);
    MapSqlParameterSource params = params(viewer)
        .addValue("from", start(first)).addValue("to", start(last.plusMonths(1)));
    StringBuilder bucket = new StringBuilder("CASE");
    for (int i = 1; i < 12; i++) {
      bucket.append(" WHEN closed_at < :m").append(i).append(" THEN ").append(i - 1);
      params.addValue("m" + i, start(first.plusMonths(i)));
    }
    bucket.append(" ELSE 11 END");
    long[][] counts = new long[12][3];
    jdbc.query("SELECT month_index, sla_status, COUNT(*) AS n FROM (SELECT " + bucket + " AS month_index,"
        + " sla_status FROM support_ticket WHERE closed_at >= :from AND closed_at < :to" + scope(viewer)
        + ") closed GROUP BY month_index, sla_status", params, row -> {
          int index = row.getInt("month_index");
          int column = switch (row.getString("sla_status")) {
            case "conforming" -> 0;
            case "non_conforming" -> 1;
            default -> 2;
          };
          counts[index][column] += row.getLong("n");
        });
    List<Month> months = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long[] month = counts[i];
      months.add(new Month(first.plusMonths(i), month[0] + month[1] + month[2], month[0], month[1], month[2]));
    }
    return months;
  }

  /** The open tickets behind one number of the dashboard, oldest first (at most {@code limit}). */
  List<Ticket> tickets(Viewer viewer, TicketFilter filter, Instant now, int limit) {
    MapSqlParameterSource params = light(params(viewer), now);
    String condition = filter.condition(params, now);
    return jdbc.query("SELECT ticket_number, opened_at, department, request_type, priority, technician,"
            + " resolution_due, " + STATE + " AS state" + OPEN + scope(viewer) + " AND " + condition
            + " ORDER BY opened_at, ticket_number FETCH FIRST " + limit + " ROWS ONLY", params,
        (row, n) -> new Ticket(row.getString("ticket_number"), row.getTimestamp("opened_at").toInstant(),
            row.getString("department"), row.getString("request_type"), row.getString("priority"),
            row.getString("technician"), row.getTimestamp("resolution_due").toInstant(), row.getString("state")));
  }

  long countTickets(Viewer viewer, TicketFilter filter, Instant now) {
    MapSqlParameterSource params = light(params(viewer), now);
    String condition = filter.condition(params, now);
    return count("SELECT COUNT(*)" + OPEN + scope(viewer) + " AND " + condition, params);
  }

  YearMonth monthOf(Instant now) {
    return YearMonth.from(now.atZone(zone));
  }

  /** The moment the next business day closes: a deadline before it is at risk. */
  Instant riskLimit(Instant now) {
    return calendar.addBusinessDays(ZonedDateTime.ofInstant(now, zone), 1).toInstant();
  }

  private MapSqlParameterSource light(MapSqlParameterSource params, Instant now) {
    return params.addValue("now", Timestamp.from(now)).addValue("riskLimit", Timestamp.from(riskLimit(now)));
  }

  /**
   * A count per value of an expression. The expression is computed in a subquery and grouped by its alias: repeating
   * an expression with parameters in GROUP BY is not the same expression to PostgreSQL (each parameter is its own).
   */
  private static String groupedBy(String expression, String from) {
    return "SELECT item, COUNT(*) AS n FROM (SELECT " + expression + " AS item" + from + ") grouped_rows GROUP BY item";
  }

  private static String scope(Viewer viewer) {
    return viewer.seesAll() ? "" : " AND department IN (:departments)";
  }

  private static MapSqlParameterSource params(Viewer viewer) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (!viewer.seesAll()) {
      params.addValue("departments", List.copyOf(viewer.departments()));
    }
    return params;
  }

  private MapSqlParameterSource month(MapSqlParameterSource params, YearMonth month) {
    return params.addValue("from", start(month)).addValue("to", start(month.plusMonths(1)));
  }

  private Timestamp start(YearMonth month) {
    return Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
  }

  private long count(String sql, MapSqlParameterSource params) {
    Long count = jdbc.queryForObject(sql, params, Long.class);
    return count == null ? 0 : count;
  }

  private Map<String, Long> grouped(String sql, MapSqlParameterSource params) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(sql, params, row -> {
      counts.merge(row.getString("item"), row.getLong("n"), Long::sum);
    });
    return counts;
  }

  static Double percent(long part, long whole) {
    return whole == 0 ? null : 100.0 * part / whole;
  }
}
