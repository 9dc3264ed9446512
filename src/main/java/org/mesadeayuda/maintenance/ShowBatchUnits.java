package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a batch's week comes, its task lists the units the register has for that department and week then (after
 * any reprogramming), as a JSON list: a week may hold many units.
 */
@Component("showBatchUnits")
public class ShowBatchUnits implements TaskListener {

  private final MaintenanceProgrammes programmes;

  public ShowBatchUnits(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(BATCH_UNITS, programmes.batchUnitsVariable(string(task, BATCH)));
  }
}
