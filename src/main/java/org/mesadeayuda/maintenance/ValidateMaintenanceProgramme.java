package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Applies the head of IT's edits to the draft in the register (units moved, added or taken out, whole weeks moved),
 * checked against the inventory and the semester; any problem keeps the task open with everything typed (PM-1,
 * DIACO-IN-FO-02).
 */
@Component("validateMaintenanceProgramme")
public class ValidateMaintenanceProgramme implements TaskListener {

  private final MaintenanceProgrammes programmes;

  public ValidateMaintenanceProgramme(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void notify(DelegateTask task) {
    Long programmeId = programmeId(task);
    programmes.applyEdits(programmeId, string(task, PROGRAMME_EDITS), actor(task));
    task.setVariable(PROGRAMME_PLAN, programmes.planVariable(programmeId));
    task.setVariable(PROGRAMME_SUMMARY, programmes.summary(programmeId));
    // applied: a returned programme starts from an empty list of edits (the history keeps what was typed)
    task.setVariable(PROGRAMME_EDITS, null);
  }
}
