package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.mesadeayuda.platform.Directory;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete "Revisar y asignar técnico" without the resource check of 002 §3 (SR-3), or with a technician
 * who is not a member of the group that handles the confirmed type (SR-3, issue 16): the work then could go to someone
 * who never sees it. A corrected type is classified again here, as {@link RecordAssignment} will.
 */
@Component("validateReview")
public class ValidateReview implements TaskListener {

  private final DecisionService decisions;
  private final Directory directory;

  public ValidateReview(DecisionService decisions, Directory directory) {
    this.decisions = decisions;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    DeskAndRequesterInput.checkReview(task);
    String technician = string(task, TECHNICIAN);
    String requestType = string(task, REQUEST_TYPE);
    if (technician == null || requestType == null) {
      return;
    }
    if (!directory.exists(technician)) {
      String message = "«" + technician + "» no es un usuario del sistema: elija al técnico de la lista.";
      throw new InvalidInputException(message, List.of(new FieldProblem(TECHNICIAN, message)));
    }
    // the desk may not evaluate decisions herself: which group handles a type is the process's question
    Object group = Context.getCommandContext().runWithoutAuthorization(() -> decisions
        .evaluateDecisionTableByKey("request-classification", Map.of(REQUEST_TYPE, requestType))
        .getSingleResult().getEntry(HANDLING_GROUP));
    if (group != null && !directory.isMember(technician, group.toString())) {
      String message = "«" + technician + "» no es del grupo que atiende este tipo de solicitud (" + group
          + "): elija a una persona de ese grupo.";
      throw new InvalidInputException(message, List.of(new FieldProblem(TECHNICIAN, message)));
    }
  }
}
