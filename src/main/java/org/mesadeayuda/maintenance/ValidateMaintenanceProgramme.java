package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the programme the head of IT wrote against the inventory and saves it as the programme's items; any
 * problem keeps the task open with everything typed (PM-1, DIACO-IN-FO-02).
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
    task.setVariable(PROGRAMME_TEXT, programmes.replaceItems(programmeId, string(task, PROGRAMME_TEXT), actor(task)));
    task.setVariable(PROGRAMME_SUMMARY, programmes.summary(programmeId));
  }
}
