package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Consolidates the semester (PM-4): units without a record count as not done, the compliance indicator is computed
 * and the delivery to Quality is due within the first business days of the following month.
 */
@Component("computeMaintenanceIndicator")
public class ComputeMaintenanceIndicator implements JavaDelegate {

  private static final DateTimeFormatter SPANISH =
      DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy, HH:mm", Locale.forLanguageTag("es"));

  private final MaintenanceProgrammes programmes;
  private final BusinessCalendar calendar;

  public ComputeMaintenanceIndicator(MaintenanceProgrammes programmes, BusinessCalendar calendar) {
    this.programmes = programmes;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long programmeId = programmeId(execution);
    ComplianceIndicator indicator = programmes.close(programmeId);
    Date due = Date.from(programmes.programme(programmeId).qualityDueAt());
    execution.setVariable(PROGRAMMED_COUNT, indicator.programmed());
    execution.setVariable(MAINTAINED_COUNT, indicator.maintained());
    execution.setVariable(COMPLIANCE_PERCENT, indicator.percent().doubleValue());
    execution.setVariable(COMPLIANCE_MET, indicator.met());
    execution.setVariable(INDICATOR_SUMMARY, programmes.indicatorSummary(programmeId));
    execution.setVariable(INDICATOR_BY_DEPARTMENT, programmes.indicatorByDepartmentVariable(programmeId));
    execution.setVariable(QUALITY_DUE_DATE, due);
    execution.setVariable(QUALITY_DUE_LABEL, SPANISH.format(due.toInstant().atZone(calendar.zone())));
  }
}
