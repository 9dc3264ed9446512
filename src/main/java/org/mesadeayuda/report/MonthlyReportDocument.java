package org.mesadeayuda.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.mesadeayuda.documents.Charts;
import org.mesadeayuda.documents.DocumentReaders;
import org.mesadeayuda.documents.Documents;
import org.mesadeayuda.documents.GeneratedDocument;
import org.mesadeayuda.documents.SpanishText;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.Role;
import org.springframework.stereotype.Component;

/**
 * The monthly report as a PDF document (RP-1, RP-2; DIACO-IN-FO-05): the figures exactly as the register keeps them
 * for the month (its JSON, the same the API serves), a chart of the requests per type with its table, the narrative
 * of the head of IT and the delivery. Read by the head of IT and Quality Management.
 */
@Component
public class MonthlyReportDocument {

  static final String KIND = "monthly_report";
  /** The head of IT presents it, Quality Management receives it (RP-1). */
  static final DocumentReaders READERS = DocumentReaders.groups(Role.DIRECTOR_TI.groupId(), Role.CALIDAD.groupId());

  private final Documents documents;
  private final ObjectMapper json;
  private final BusinessCalendar calendar;

  public MonthlyReportDocument(Documents documents, ObjectMapper json, BusinessCalendar calendar) {
    this.documents = documents;
    this.json = json;
    this.calendar = calendar;
  }

  /** A row of the per-type table. */
  public record TypeRow(String type, long received, long attended) {}

  /** A label and its figure, for the document's small tables. */
  public record Line(String label, String value) {}

  public GeneratedDocument produce(MonthlyReportEntry report) {
    MonthlyFigures figures = figures(report);
    YearMonth month = YearMonth.parse(report.reportMonth());
    String title = "Informe mensual de la mesa de ayuda " + report.reportCode();
    return documents.producePdf(report.reportCode(), KIND, title, "Informe mensual " + report.reportCode() + ".pdf",
        "monthly-report", values(report, figures, month), READERS);
  }

  Map<String, Object> values(MonthlyReportEntry report, MonthlyFigures figures, YearMonth month) {
    Map<String, Object> values = new HashMap<>();
    values.put("reportCode", report.reportCode());
    values.put("monthLabel", SpanishText.month(month));
    values.put("dueLabel", SpanishText.dateTime(report.dueAt(), calendar.zone()));
    values.put("deliveredLabel", SpanishText.dateTime(report.deliveredAt(), calendar.zone()));
    values.put("deliveredBy", report.deliveredBy());
    values.put("onTime", report.deliveredOnTime());
    values.put("narrative", report.narrative());
    MonthlyFigures.Requests requests = figures.requests();
    values.put("received", requests.received());
    values.put("attended", requests.attended());
    values.put("percentConforming", SpanishText.percent(figures.deadline().percentConforming()));
    values.put("percentFirstResponse", SpanishText.percent(figures.firstResponse().percentOnTime()));
    values.put("percentSatisfied", SpanishText.percent(figures.satisfaction().percentSatisfied()));
    values.put("averageResolution", figures.averageResolutionBusinessDays() == null ? "sin datos"
        : SpanishText.number(figures.averageResolutionBusinessDays(), 2) + " días hábiles");
    values.put("deadline", figures.deadline());
    values.put("firstResponse", figures.firstResponse());
    values.put("satisfaction", figures.satisfaction());
    values.put("escalations", figures.escalations());
    values.put("exemptReasons", labelled(figures.deadline().exemptPerReason()));
    values.put("extensionCauses", labelled(figures.escalations().extensionsPerCause()));
    values.put("channels", labelled(requests.receivedPerChannel()));
    List<TypeRow> types = typeRows(requests);
    values.put("types", types);
    values.put("additionalTasks", additionalTasks(figures.additionalTasks()));
    if (!types.isEmpty()) {
      Map<String, Long> received = new LinkedHashMap<>();
      Map<String, Long> attended = new LinkedHashMap<>();
      types.forEach(row -> {
        received.put(row.type(), row.received());
        attended.put(row.type(), row.attended());
      });
      Map<String, Map<String, ? extends Number>> series = new LinkedHashMap<>();
      series.put("Recibidas", received);
      series.put("Atendidas", attended);
      values.put("typesChart", Charts.bars("Solicitudes", series, true, 640, 60 + 34 * types.size()));
    }
    return values;
  }

  MonthlyFigures figures(MonthlyReportEntry report) {
    try {
      return json.readValue(report.figures(), MonthlyFigures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures of " + report.reportMonth() + " are not readable", e);
    }
  }

  private static List<TypeRow> typeRows(MonthlyFigures.Requests requests) {
    SortedSet<String> types = new TreeSet<>(requests.receivedPerType().keySet());
    types.addAll(requests.attendedPerType().keySet());
    return types.stream().map(type -> new TypeRow(MonthlyReportText.label(type),
        requests.receivedPerType().getOrDefault(type, 0L), requests.attendedPerType().getOrDefault(type, 0L)))
        .toList();
  }

  private static List<Line> labelled(Map<String, Long> counts) {
    List<Line> lines = new ArrayList<>();
    counts.forEach((code, count) -> lines.add(new Line(MonthlyReportText.label(code), String.valueOf(count))));
    return lines;
  }

  private static List<Line> additionalTasks(MonthlyFigures.AdditionalTasks tasks) {
    return List.of(
        new Line("Mantenimientos preventivos realizados / no realizados",
            tasks.maintenanceDone() + " / " + tasks.maintenanceNotDone()),
        new Line("Copias de seguridad a solicitud realizadas / rechazadas",
            tasks.backupsDone() + " / " + tasks.backupsRefused()),
        new Line("Respaldos semanales del centro de datos correctos / fallidos / fuera de plazo",
            tasks.weeklyBackupsOk() + " / " + tasks.weeklyBackupsFailed() + " / " + tasks.weeklyBackupsLate()),
        new Line("Conexiones remotas cerradas / revocadas",
            tasks.remoteSessionsClosed() + " / " + tasks.remoteSessionsRevoked()),
        new Line("Casos de falla de equipo cerrados", String.valueOf(tasks.equipmentCasesClosed())),
        new Line("Software instalado / declarado por terceros / desinstalado",
            tasks.softwareInstalled() + " / " + tasks.softwareDeclared() + " / " + tasks.softwareRemoved()));
  }
}
