package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Mailer;
import org.springframework.stereotype.Component;

/**
 * The approved programme is in force: each department head receives a copy with the department's units and weeks
 * (PM-2), and confirms their availability in Tasklist.
 */
@Component("sendProgrammeToDepartments")
public class SendProgrammeToDepartments implements JavaDelegate {

  private final MaintenanceProgrammes programmes;
  private final InstitutionProperties institution;
  private final Mailer mailer;

  public SendProgrammeToDepartments(MaintenanceProgrammes programmes, InstitutionProperties institution,
      Mailer mailer) {
    this.programmes = programmes;
    this.institution = institution;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long programmeId = programmeId(execution);
    programmes.startExecution(programmeId);
    for (String department : programmes.departments(programmeId)) {
      institution.department(department).map(InstitutionProperties.Department::headEmail)
          .filter(email -> !email.isBlank())
          .ifPresent(email -> mailer.send(email, "maintenance-programme-copy", Map.of(
              PROGRAMME_CODE, string(execution, PROGRAMME_CODE),
              SEMESTER_LABEL, string(execution, SEMESTER_LABEL),
              "departmentName", programmes.departmentName(department),
              DEPARTMENT_ITEMS, programmes.itemsText(programmeId, department))));
    }
  }
}
