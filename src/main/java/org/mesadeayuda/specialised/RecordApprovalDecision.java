package org.mesadeayuda.specialised;

import static org.mesadeayuda.specialised.SpecialisedRequestVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * 002 §4.2: the Technology Director approves the specialised request, refuses it with the reason the requester will
 * read, or asks the requester for more information before deciding.
 */
@Component("recordSpecialisedDecision")
public class RecordApprovalDecision implements TaskListener {

  private final SpecialisedRequestRepository requests;

  public RecordApprovalDecision(SpecialisedRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = string(task, DECISION);
    String caseNumber = string(task, CASE_NUMBER);
    String director = ProcessVariables.actor(task);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (APPROVE.equals(decision)) {
      task.setVariable(REFUSAL_REASON, null);
      requests.recordDecision(caseNumber, SpecialisedRequest.APPROVED, director, now, null, null);
    } else if (REFUSE.equals(decision)) {
      String reason = string(task, REFUSAL_REASON);
      if (reason == null) {
        throw new InvalidInputException("Indique el motivo por el que no aprueba la solicitud; se envía al "
            + "solicitante.");
      }
      requests.recordDecision(caseNumber, SpecialisedRequest.REFUSED, director, now, reason, now);
    } else if (MORE_INFORMATION.equals(decision)) {
      String question = string(task, INFORMATION_QUESTION);
      if (question == null) {
        throw new InvalidInputException("Indique qué información necesita del solicitante.");
      }
      if (string(task, REQUESTER) == null) {
        throw new InvalidInputException("La solicitud no tiene un usuario solicitante a quien preguntar: apruébela o "
            + "recházala con el motivo.");
      }
      requests.recordQuestion(caseNumber, director, now, question);
    } else {
      throw new InvalidInputException("Indique su decisión: aprobar, rechazar o pedir más información.");
    }
  }
}
