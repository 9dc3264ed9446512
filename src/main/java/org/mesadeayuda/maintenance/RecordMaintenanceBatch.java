package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.maintenance.MaintenanceItem.Checklist;
import org.springframework.stereotype.Component;

/** The technician records the week's maintenance of a department's units: the checklist, and what was not done. */
@Component("recordMaintenanceBatch")
public class RecordMaintenanceBatch implements TaskListener {

  private final MaintenanceProgrammes programmes;

  public RecordMaintenanceBatch(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void notify(DelegateTask task) {
    Checklist checklist = new Checklist(flag(task, CLEANING_DONE), flag(task, COOLING_CHECKED),
        flag(task, UPS_CHECKED), flag(task, NETWORK_CHECKED), flag(task, SOFTWARE_UPDATED));
    programmes.recordBatch(string(task, BATCH), checklist, string(task, NOT_DONE_ITEMS),
        string(task, MAINTENANCE_NOTES), actor(task));
  }
}
