package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Proposes a draft programme from the inventory, in the register, for the head of IT to edit (PM-1). */
@Component("proposeMaintenanceProgramme")
public class ProposeMaintenanceProgramme implements JavaDelegate {

  private final MaintenanceProgrammes programmes;

  public ProposeMaintenanceProgramme(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long programmeId = programmeId(execution);
    // the draft is written to the register; the form reads a summary per week and department
    programmes.proposeDraft(programmeId);
    execution.setVariable(PROGRAMME_PLAN, programmes.planVariable(programmeId));
    execution.setVariable(PROGRAMME_SUMMARY, programmes.summary(programmeId));
  }
}
