package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The head of IT sets the new weeks; each move is recorded in the reprogramming register (PM-3, DIACO-IN-FO-03),
 * and the department confirms the new weeks, or asks again.
 */
@Component("recordReprogramming")
public class RecordReprogramming implements TaskListener {

  private final MaintenanceProgrammes programmes;

  public RecordReprogramming(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void notify(DelegateTask task) {
    Long programmeId = programmeId(task);
    String department = string(task, DEPARTMENT);
    programmes.reprogram(programmeId, department, string(task, REPROGRAM_REQUESTS), string(task, REPROGRAM_DECISION),
        string(task, AVAILABILITY_ANSWERED_BY), actor(task));
    task.setVariable(DEPARTMENT_ITEMS, programmes.itemsText(programmeId, department));
    // the department answers afresh about the new weeks
    task.setVariable(AVAILABILITY_ANSWER, null);
    task.setVariable(REPROGRAM_REQUESTS, null);
  }
}
