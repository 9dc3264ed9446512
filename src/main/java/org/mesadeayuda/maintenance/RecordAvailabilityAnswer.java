package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * A department head confirms the units will be available in their weeks, or asks to reprogram some with a reason
 * and a proposed week (PM-2, PM-3). The request is checked now, so the head of IT receives only valid ones.
 */
@Component("recordAvailabilityAnswer")
public class RecordAvailabilityAnswer implements TaskListener {

  private final MaintenanceProgrammes programmes;

  public RecordAvailabilityAnswer(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void notify(DelegateTask task) {
    Long programmeId = programmeId(task);
    String department = string(task, DEPARTMENT);
    String answer = string(task, AVAILABILITY_ANSWER);
    // only the department's own head answers for its units, whoever the task was handed to
    programmes.requireDepartmentHead(department, actor(task));
    if (REPROGRAM.equals(answer)) {
      var requests = programmes.parseRequests(programmeId, department, string(task, REPROGRAM_REQUESTS));
      task.setVariable(REPROGRAM_DECISION, programmes.proposedDecision(programmeId, requests));
      task.setVariable(AVAILABILITY_ANSWERED_BY, actor(task));
    } else if (AVAILABLE.equals(answer)) {
      programmes.confirmAvailability(programmeId, department);
    } else {
      throw new InvalidInputException("Indique si los equipos estarán disponibles o si solicita reprogramación.");
    }
  }
}
