package org.mesadeayuda.report;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.report.MonthlyFigures.AdditionalTasks;
import org.mesadeayuda.report.MonthlyFigures.Deadline;
import org.mesadeayuda.report.MonthlyFigures.Escalations;
import org.mesadeayuda.report.MonthlyFigures.FirstResponse;
import org.mesadeayuda.report.MonthlyFigures.Requests;
import org.mesadeayuda.report.MonthlyFigures.Satisfaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes a month's figures for the monthly report (RP-1, RP-2) from the registers the procedures write: the ticket
 * register for the requests, and the maintenance, backup, remote-access and licence registers and the equipment-failure
 * cases for the additional tasks. A month is the institution's calendar month in the office time zone. The registers
 * are read in SQL, not through the other procedures' classes: a package depends only on the platform.
 */
@Component
public class MonthlyReport {

  private static final String EQUIPMENT_FAILURE_PROCESS = "equipment-failure";

  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final ZoneId zone;

  public MonthlyReport(JdbcClient jdbc, HistoryService historyService, BusinessCalendar calendar) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.zone = calendar.zone();
  }

  public MonthlyFigures figures(YearMonth month) {
    return new MonthlyFigures(month.toString(), requests(month), deadline(month), firstResponse(month),
        averageResolutionBusinessDays(month), satisfaction(month), escalations(month), additionalTasks(month));
  }

  Requests requests(YearMonth month) {
    Map<String, Long> receivedPerType = countPer("request_type", "opened_at", month);
    Map<String, Long> attendedPerType = countPer("request_type", "closed_at", month);
    Map<String, Long> receivedPerChannel = countPer("channel", "opened_at", month);
    return new Requests(sum(receivedPerType), sum(attendedPerType), receivedPerType, attendedPerType,
        receivedPerChannel);
  }

  Deadline deadline(YearMonth month) {
    Map<String, Long> perStatus = countPer("sla_status", "closed_at", month);
    Map<String, Long> exemptPerReason = counts("SELECT COALESCE(exemption_reason, 'other') AS item, COUNT(*) AS n"
        + " FROM support_ticket WHERE closed_at >= :from AND closed_at < :to AND sla_status = 'exempt'"
        + " GROUP BY COALESCE(exemption_reason, 'other') ORDER BY item", month);
    return new Deadline(perStatus.getOrDefault("conforming", 0L), perStatus.getOrDefault("non_conforming", 0L),
        perStatus.getOrDefault("exempt", 0L), exemptPerReason);
  }

  /** Of the requests received in the month: answered within 12 hours, late (or flagged as breached), not yet. */
  FirstResponse firstResponse(YearMonth month) {
    return jdbc.sql("SELECT"
            + " SUM(CASE WHEN first_response_breached = FALSE AND first_response_at IS NOT NULL"
            + "     AND first_response_at <= first_response_due THEN 1 ELSE 0 END) AS on_time,"
            + " SUM(CASE WHEN first_response_breached = TRUE"
            + "     OR first_response_at > first_response_due THEN 1 ELSE 0 END) AS late,"
            + " SUM(CASE WHEN first_response_breached = FALSE AND first_response_at IS NULL THEN 1 ELSE 0 END)"
            + "     AS pending"
            + " FROM support_ticket WHERE opened_at >= :from AND opened_at < :to")
        .params(range(month))
        .query((row, n) -> new FirstResponse(row.getLong("on_time"), row.getLong("late"), row.getLong("pending")))
        .single();
  }

  Double averageResolutionBusinessDays(YearMonth month) {
    Number average = jdbc.sql("SELECT AVG(resolution_business_days) FROM support_ticket"
            + " WHERE closed_at >= :from AND closed_at < :to")
        .params(range(month)).query(Number.class).optional().orElse(null);
    // exact, as the percentages (MonthlyFigures); the text and the register's column round it
    return average == null ? null : average.doubleValue();
  }

  Satisfaction satisfaction(YearMonth month) {
    Map<String, Long> perAnswer = counts("SELECT COALESCE(satisfaction, 'pending') AS item, COUNT(*) AS n"
        + " FROM support_ticket WHERE closed_at >= :from AND closed_at < :to"
        + " GROUP BY COALESCE(satisfaction, 'pending')", month);
    return new Satisfaction(perAnswer.getOrDefault("conforme", 0L), perAnswer.getOrDefault("no_conforme", 0L),
        perAnswer.getOrDefault("sin_respuesta", 0L), perAnswer.getOrDefault("pending", 0L));
  }

  Escalations escalations(YearMonth month) {
    long[] escalated = jdbc.sql("SELECT SUM(CASE WHEN escalations > 0 THEN 1 ELSE 0 END) AS requests,"
            + " COALESCE(SUM(escalations), 0) AS escalations FROM support_ticket"
            + " WHERE closed_at >= :from AND closed_at < :to")
        .params(range(month))
        .query((row, n) -> new long[] {row.getLong("requests"), row.getLong("escalations")}).single();
    Map<String, Long> extensionsPerCause = counts("SELECT extension_cause AS item, COUNT(*) AS n FROM support_ticket"
        + " WHERE closed_at >= :from AND closed_at < :to AND extension_cause IS NOT NULL"
        + " GROUP BY extension_cause ORDER BY item", month);
    return new Escalations(escalated[0], escalated[1], extensionsPerCause);
  }

  AdditionalTasks additionalTasks(YearMonth month) {
    return new AdditionalTasks(
        count("maintenance_item", "executed_at", "status = 'done'", month),
        count("maintenance_item", "executed_at", "status = 'not_done'", month),
        count("backup_request", "performed_at", "status = 'done'", month),
        count("backup_request", "decided_at", "status = 'refused'", month),
        count("security_register_entry", "scheduled_at", "status = 'ok'", month),
        count("security_register_entry", "scheduled_at", "status = 'failed'", month),
        count("security_register_entry", "scheduled_at", "overdue = TRUE", month),
        count("remote_access_grant", "ended_at", "state = 'closed'", month),
        count("remote_access_grant", "ended_at", "state = 'revoked'", month),
        equipmentCasesClosed(month),
        count("installation", "installed_at", "declared = FALSE", month),
        count("installation", "installed_at", "declared = TRUE", month),
        count("installation", "removed_at", "1 = 1", month));
  }

  /** Equipment-failure cases keep no register of their own beyond the asset: their finished cases are the count. */
  private long equipmentCasesClosed(YearMonth month) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(EQUIPMENT_FAILURE_PROCESS)
        .completed().finishedAfter(start(month)).finishedBefore(start(month.plusMonths(1))).count();
  }

  private Map<String, Long> countPer(String column, String timeColumn, YearMonth month) {
    return counts("SELECT " + column + " AS item, COUNT(*) AS n FROM support_ticket"
        + " WHERE " + timeColumn + " >= :from AND " + timeColumn + " < :to"
        + " GROUP BY " + column + " ORDER BY " + column, month);
  }

  /** The rows (item, n) of a grouped count over the month, in the query's order. */
  private Map<String, Long> counts(String sql, YearMonth month) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(sql).params(range(month)).query(row -> {
      counts.put(row.getString("item"), row.getLong("n"));
    });
    return counts;
  }

  private long count(String table, String timeColumn, String condition, YearMonth month) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + timeColumn + " >= :from AND " + timeColumn
            + " < :to AND " + condition)
        .params(range(month)).query(Long.class).single();
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private Timestamp start(YearMonth month) {
    return Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
  }

  private Map<String, Object> range(YearMonth month) {
    return Map.of("from", start(month), "to", start(month.plusMonths(1)));
  }
}
