package org.mesadeayuda.maintenance;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mesadeayuda.documents.Charts;
import org.mesadeayuda.documents.DocumentReaders;
import org.mesadeayuda.documents.Documents;
import org.mesadeayuda.documents.GeneratedDocument;
import org.mesadeayuda.documents.SpanishText;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.Role;
import org.springframework.stereotype.Component;

/**
 * The semester's maintenance indicator report (PM-4) as a PDF document: the indicator as the register computes it,
 * a table and a chart per department, every move of the reprogramming register (DIACO-IN-FO-03), every unit not done
 * with its reason, and the head of IT's analysis. Read by the head of IT and Quality Management.
 */
@Component
public class MaintenanceIndicatorDocument {

  static final String KIND = "maintenance_indicator";
  static final DocumentReaders READERS = DocumentReaders.groups(Role.DIRECTOR_TI.groupId(), Role.CALIDAD.groupId());

  private final MaintenanceProgrammes programmes;
  private final Documents documents;
  private final ZoneId zone;

  public MaintenanceIndicatorDocument(MaintenanceProgrammes programmes, Documents documents,
      BusinessCalendar calendar) {
    this.programmes = programmes;
    this.documents = documents;
    this.zone = calendar.zone();
  }

  /** A move of the reprogramming register, as the document lists it. */
  public record Move(String assetTag, String department, String from, String to, String reason, String requestedBy) {}

  /** A unit not maintained, with its reason. */
  public record NotDone(String assetTag, String department, String week, String reason) {}

  public GeneratedDocument produce(Long programmeId, String semesterLabel, String analysis, String deliveredBy) {
    MaintenanceProgramme programme = programmes.programme(programmeId);
    ComplianceIndicator indicator = programmes.indicator(programmeId);
    List<MaintenanceProgrammes.DepartmentIndicator> departments = programmes.indicatorByDepartment(programmeId);
    Map<String, Object> values = new HashMap<>();
    values.put("programmeCode", programme.programmeCode());
    values.put("semesterLabel", semesterLabel);
    values.put("indicator", indicator);
    values.put("percent", indicator.percentLabel());
    values.put("departments", departments);
    values.put("analysis", analysis);
    values.put("deliveredBy", deliveredBy);
    values.put("dueLabel", SpanishText.dateTime(programme.qualityDueAt(), zone));
    values.put("closedLabel", SpanishText.date(programme.closedAt(), zone));
    values.put("moves", programmes.reprogrammings(programmeId).stream().map(move -> new Move(move.assetTag(),
        programmes.departmentName(move.department()), Weeks.label(move.originalWeek()), Weeks.label(move.newWeek()),
        move.reason(), move.requestedBy())).toList());
    values.put("notDone", programmes.allItems(programmeId).stream()
        .filter(item -> MaintenanceItem.NOT_DONE.equals(item.status()))
        .map(item -> new NotDone(item.assetTag(), programmes.departmentName(item.department()),
            Weeks.label(item.plannedWeek()), item.notDoneReason() + (item.overdue() ? " (señalado como atrasado)"
                : ""))).toList());
    if (!departments.isEmpty()) {
      Map<String, Integer> programmed = new LinkedHashMap<>();
      Map<String, Integer> maintained = new LinkedHashMap<>();
      departments.forEach(row -> {
        programmed.put(row.department(), row.programmed());
        maintained.put(row.department(), row.maintained());
      });
      Map<String, Map<String, ? extends Number>> series = new LinkedHashMap<>();
      series.put("Programados", programmed);
      series.put("Con mantenimiento", maintained);
      values.put("chart", Charts.bars("Equipos", series, true, 640, 60 + 40 * departments.size()));
    }
    String title = "Indicador de mantenimiento preventivo " + programme.programmeCode();
    return documents.producePdf(programme.programmeCode(), KIND, title,
        "Indicador de mantenimiento " + programme.programmeCode() + ".pdf", "maintenance-indicator", values, READERS);
  }
}
