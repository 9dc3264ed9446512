package org.mesadeayuda.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mesadeayuda.documents.SpanishText;
import org.mesadeayuda.documents.Spreadsheets;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The month's tickets as a table for CSV and XLSX (issue 18): every ticket received (opened) or attended (closed) in
 * the month in the office's time zone, the same rows the monthly report counts, with labels instead of codes.
 */
@Component
public class MonthTickets {

  static final List<String> HEADERS = List.of("Número", "En el mes", "Recibida", "Canal", "Tipo de solicitud",
      "Prioridad", "Solicitante", "Departamento", "Técnico", "Primera respuesta", "Primera respuesta a tiempo",
      "Escalamientos", "Cerrada", "Días hábiles de resolución", "Plazo de 3 días hábiles", "Motivo de exención",
      "Satisfacción");
  private static final Map<String, String> PRIORITIES =
      Map.of("critical", "Crítica", "high", "Alta", "medium", "Media", "low", "Baja");
  private static final Map<String, String> DEADLINE = Map.of("on_time", "en curso", "conforming", "conforme",
      "non_conforming", "no conforme", "exempt", "exenta");
  private static final Map<String, String> SATISFACTION = Map.of("conforme", "conforme", "no_conforme",
      "no conforme", "sin_respuesta", "sin respuesta");

  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final InstitutionProperties institution;

  public MonthTickets(JdbcClient jdbc, BusinessCalendar calendar, InstitutionProperties institution) {
    this.jdbc = jdbc;
    this.zone = calendar.zone();
    this.institution = institution;
  }

  public Spreadsheets.Table table(YearMonth month) {
    return table(month, Set.of());
  }

  /**
   * The month's tickets of some departments only (a head's dashboard), or of all of them when {@code departments} is
   * empty.
   */
  public Spreadsheets.Table table(YearMonth month, Set<String> departments) {
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    List<List<Object>> rows = new ArrayList<>();
    jdbc.sql("SELECT * FROM support_ticket WHERE ((opened_at >= :from AND opened_at < :to)"
            + " OR (closed_at >= :from AND closed_at < :to))"
            + (departments.isEmpty() ? "" : " AND department IN (:departments)")
            + " ORDER BY opened_at, ticket_number")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .param("departments", departments.isEmpty() ? List.of("") : List.copyOf(departments))
        .query(row -> {
          Instant opened = instant(row.getTimestamp("opened_at"));
          Instant closed = instant(row.getTimestamp("closed_at"));
          Instant firstResponse = instant(row.getTimestamp("first_response_at"));
          Instant firstResponseDue = instant(row.getTimestamp("first_response_due"));
          boolean received = !opened.isBefore(from) && opened.isBefore(to);
          boolean attended = closed != null && !closed.isBefore(from) && closed.isBefore(to);
          String department = row.getString("department");
          List<Object> cells = new ArrayList<>();
          cells.add(row.getString("ticket_number"));
          cells.add(received && attended ? "recibida y atendida" : received ? "recibida" : "atendida");
          cells.add(SpanishText.sheetDateTime(opened, zone));
          cells.add(MonthlyReportText.label(row.getString("channel")));
          cells.add(MonthlyReportText.label(row.getString("request_type")));
          cells.add(PRIORITIES.getOrDefault(row.getString("priority"), row.getString("priority")));
          cells.add(row.getString("requester_name"));
          cells.add(institution.department(department).map(InstitutionProperties.Department::name)
              .orElse(department));
          cells.add(row.getString("technician"));
          cells.add(SpanishText.sheetDateTime(firstResponse, zone));
          cells.add(firstResponse == null ? (row.getBoolean("first_response_breached") ? "no" : "")
              : !firstResponse.isAfter(firstResponseDue) && !row.getBoolean("first_response_breached") ? "sí" : "no");
          cells.add(row.getInt("escalations"));
          cells.add(SpanishText.sheetDateTime(closed, zone));
          cells.add(row.getBigDecimal("resolution_business_days"));
          cells.add(DEADLINE.getOrDefault(row.getString("sla_status"), row.getString("sla_status")));
          String exemption = row.getString("exemption_reason");
          cells.add(exemption == null ? null : MonthlyReportText.label(exemption));
          String satisfaction = row.getString("satisfaction");
          cells.add(satisfaction == null ? null : SATISFACTION.getOrDefault(satisfaction, satisfaction));
          rows.add(cells);
        });
    return new Spreadsheets.Table("Solicitudes " + month, HEADERS, rows);
  }

  private static Instant instant(Timestamp value) {
    return value == null ? null : value.toInstant();
  }
}
