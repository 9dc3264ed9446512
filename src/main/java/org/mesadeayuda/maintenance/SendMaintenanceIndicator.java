package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.documents.GeneratedDocument;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Mailer;
import org.springframework.stereotype.Component;

/** Delivers the semester's indicator and its analysis to Quality Management and records the delivery (PM-4). */
@Component("sendMaintenanceIndicator")
public class SendMaintenanceIndicator implements JavaDelegate {

  private final MaintenanceProgrammes programmes;
  private final InstitutionProperties institution;
  private final Mailer mailer;
  private final MaintenanceIndicatorDocument document;

  public SendMaintenanceIndicator(MaintenanceProgrammes programmes, InstitutionProperties institution,
      Mailer mailer, MaintenanceIndicatorDocument document) {
    this.programmes = programmes;
    this.institution = institution;
    this.mailer = mailer;
    this.document = document;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long programmeId = programmeId(execution);
    ComplianceIndicator indicator = programmes.indicator(programmeId);
    Map<String, Object> values = new HashMap<>();
    values.put(PROGRAMME_CODE, string(execution, PROGRAMME_CODE));
    values.put(SEMESTER_LABEL, string(execution, SEMESTER_LABEL));
    values.put("percent", indicator.percentLabel());
    // the full report (every department, move and unit not done): the e-mail body, not a process variable
    values.put(INDICATOR_SUMMARY, programmes.indicatorReport(programmeId));
    values.put(INDICATOR_ANALYSIS, string(execution, INDICATOR_ANALYSIS));
    values.put(DELIVERED_BY, string(execution, DELIVERED_BY));
    // the same report as a PDF with a chart per department (issue 18), kept with the programme for Quality
    GeneratedDocument pdf = document.produce(programmeId, string(execution, SEMESTER_LABEL),
        string(execution, INDICATOR_ANALYSIS), string(execution, DELIVERED_BY));
    values.put("documentFileName", pdf.fileName());
    mailer.send(institution.qualityEmail(), "maintenance-indicator", values, List.of(pdf.asAttachment()));
    programmes.recordDelivery(programmeId, string(execution, INDICATOR_ANALYSIS), string(execution, DELIVERED_BY));
  }
}
