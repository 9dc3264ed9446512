package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The head of IT sets the new weeks; each move is recorded in the reprogramming register (PM-3, DIACO-IN-FO-03).
 * Before the execution the department confirms the new weeks, or asks again; during it, the department's request
 * task opens again for the next change. A batch whose week is under way shows its units again without the moved ones.
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
    Set<LocalDate> left = programmes.reprogram(programmeId, department, string(task, REPROGRAM_REQUESTS),
        string(task, REPROGRAM_DECISION), string(task, AVAILABILITY_ANSWERED_BY), actor(task));
    task.setVariable(DEPARTMENT_PLAN, programmes.departmentPlanVariable(programmeId, department));
    // the department answers afresh about the new weeks
    task.setVariable(AVAILABILITY_ANSWER, null);
    task.setVariable(REPROGRAM_REQUESTS, null);
    var tasks = task.getProcessEngineServices().getTaskService();
    for (LocalDate week : left) {
      String batch = MaintenanceProgrammes.batchKey(programmeId, week, department);
      tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
          .taskDefinitionKey("Task_PerformMaintenance").list().stream()
          .filter(open -> batch.equals(tasks.getVariable(open.getId(), BATCH)))
          .forEach(open -> tasks.setVariable(open.getId(), BATCH_UNITS, programmes.batchUnitsVariable(batch)));
    }
  }
}
