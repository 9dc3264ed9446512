package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/** The direction approves the programme, or returns it with what to correct (PM-1). */
@Component("recordProgrammeDecision")
public class RecordProgrammeDecision implements TaskListener {

  private final MaintenanceProgrammes programmes;

  public RecordProgrammeDecision(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = flag(task, PROGRAMME_APPROVED);
    task.setVariable(PROGRAMME_APPROVED, approved);
    if (approved) {
      programmes.recordApproval(programmeId(task), actor(task));
      return;
    }
    String comments = string(task, APPROVAL_COMMENTS);
    if (comments == null) {
      throw new InvalidInputException("Indique qué debe corregirse en el programa antes de devolverlo.");
    }
    programmes.recordRejection(programmeId(task), comments);
  }
}
