package org.mesadeayuda.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of monthly reports (RP-1): one per month, opened by the process, with the figures the head of IT
 * presented and the delivery to Quality Management (on time when within the first 10 business days of the next month).
 */
@Component
public class MonthlyReportRegister {

  /** RP-1: the report is due within the first 10 business days of the month after the one it reports. */
  static final int DUE_BUSINESS_DAY = 10;

  private final JdbcClient jdbc;
  private final BusinessCalendar calendar;
  private final ObjectMapper json;

  public MonthlyReportRegister(JdbcClient jdbc, BusinessCalendar calendar, ObjectMapper json) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.json = json;
  }

  public static String code(YearMonth month) {
    return "IM-" + month;
  }

  /** The closing time of the 10th business day of the following month (holidays of the business calendar count). */
  public Instant dueAt(YearMonth month) {
    return calendar.endOfBusinessDay(month.plusMonths(1), DUE_BUSINESS_DAY).toInstant();
  }

  public Optional<MonthlyReportEntry> find(YearMonth month) {
    return jdbc.sql("SELECT * FROM monthly_report WHERE report_month = :month").param("month", month.toString())
        .query(MonthlyReportRegister::entry).optional();
  }

  /** Every month, the latest first. */
  public List<MonthlyReportEntry> all() {
    return jdbc.sql("SELECT * FROM monthly_report ORDER BY report_month DESC").query(MonthlyReportRegister::entry)
        .list();
  }

  /** Opens the month's report; the unique month refuses a second one, also when two cases try at the same time. */
  public MonthlyReportEntry open(YearMonth month, String processInstanceId, String openedBy, Instant now) {
    jdbc.sql("INSERT INTO monthly_report (report_month, report_code, process_instance_id, status, opened_by,"
            + " opened_at, due_at) VALUES (:month, :code, :process, 'open', :openedBy, :openedAt, :dueAt)")
        .param("month", month.toString()).param("code", code(month)).param("process", processInstanceId)
        .param("openedBy", openedBy).param("openedAt", Timestamp.from(now))
        .param("dueAt", Timestamp.from(dueAt(month))).update();
    return find(month).orElseThrow();
  }

  /** A report whose case was cancelled before delivery is continued by a new case. */
  public MonthlyReportEntry takeOver(MonthlyReportEntry report, String processInstanceId, String openedBy) {
    jdbc.sql("UPDATE monthly_report SET process_instance_id = :process, opened_by = :openedBy WHERE id = :id")
        .param("process", processInstanceId).param("openedBy", openedBy).param("id", report.id()).update();
    return find(YearMonth.parse(report.reportMonth())).orElseThrow();
  }

  public void recordFigures(YearMonth month, MonthlyFigures figures, Instant now) {
    Map<String, Object> values = new HashMap<>();
    values.put("month", month.toString());
    values.put("computedAt", Timestamp.from(now));
    values.put("received", figures.requests().received());
    values.put("attended", figures.requests().attended());
    values.put("conforming", decimal(figures.deadline().percentConforming()));
    values.put("firstResponse", decimal(figures.firstResponse().percentOnTime()));
    values.put("resolution", decimal(figures.averageResolutionBusinessDays()));
    values.put("satisfied", decimal(figures.satisfaction().percentSatisfied()));
    values.put("figures", toJson(figures));
    jdbc.sql("UPDATE monthly_report SET figures_computed_at = :computedAt, requests_received = :received,"
            + " requests_attended = :attended, percent_conforming = :conforming,"
            + " percent_first_response_on_time = :firstResponse, average_resolution_days = :resolution,"
            + " percent_satisfied = :satisfied, figures = :figures WHERE report_month = :month")
        .params(values).update();
  }

  /** Records the delivery; returns whether it was within the deadline. */
  public boolean recordDelivery(YearMonth month, String narrative, String deliveredBy, Instant deliveredAt) {
    MonthlyReportEntry report = find(month).orElseThrow();
    boolean onTime = !deliveredAt.isAfter(report.dueAt());
    jdbc.sql("UPDATE monthly_report SET status = 'delivered', narrative = :narrative, delivered_by = :by,"
            + " delivered_at = :at, delivered_on_time = :onTime WHERE id = :id")
        .param("narrative", narrative).param("by", deliveredBy).param("at", Timestamp.from(deliveredAt))
        .param("onTime", onTime).param("id", report.id()).update();
    return onTime;
  }

  private String toJson(MonthlyFigures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures of " + figures.month() + " cannot be written as JSON", e);
    }
  }

  /**
   * A figure as its column keeps it (two decimals), for Quality to read and compare months in SQL. The exact figure
   * stays in the JSON beside it, with the counts it comes from.
   */
  private static BigDecimal decimal(Double value) {
    return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }

  private static MonthlyReportEntry entry(ResultSet row, int n) throws SQLException {
    return new MonthlyReportEntry(row.getLong("id"), row.getString("report_month"), row.getString("report_code"),
        row.getString("process_instance_id"), row.getString("status"), row.getString("opened_by"),
        instant(row, "opened_at"), instant(row, "due_at"), instant(row, "figures_computed_at"),
        integer(row, "requests_received"), integer(row, "requests_attended"), row.getBigDecimal("percent_conforming"),
        row.getBigDecimal("percent_first_response_on_time"), row.getBigDecimal("average_resolution_days"),
        row.getBigDecimal("percent_satisfied"), row.getString("figures"), row.getString("narrative"),
        row.getString("delivered_by"), instant(row, "delivered_at"), bool(row, "delivered_on_time"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Integer integer(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }

  private static Boolean bool(ResultSet row, String column) throws SQLException {
    boolean value = row.getBoolean(column);
    return row.wasNull() ? null : value;
  }
}
