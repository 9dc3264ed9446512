package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * During the execution a department head reports that units cannot be available in their planned week and asks to
 * move them to a week still ahead (PM-3, 001 §6.1): only her own department's units still to maintain, with a reason.
 * The head of IT then decides the new weeks.
 */
@Component("recordReprogramRequest")
public class RecordReprogramRequest implements TaskListener {

  private final MaintenanceProgrammes programmes;

  public RecordReprogramRequest(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void notify(DelegateTask task) {
    Long programmeId = programmeId(task);
    String department = string(task, DEPARTMENT);
    programmes.requireDepartmentHead(department, actor(task));
    var requests = programmes.parseRequests(programmeId, department, string(task, REPROGRAM_REQUESTS));
    task.setVariable(REPROGRAM_DECISION, programmes.proposedDecision(programmeId, requests));
    task.setVariable(AVAILABILITY_ANSWERED_BY, actor(task));
  }
}
