package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * EM-1: the direction authorizes a new account; EM-2: the immediate boss signs the password reset. Either may refuse,
 * but only with the reason the requester will read.
 */
@Component("recordEmailAccountDecision")
public class RecordEmailAccountDecision implements TaskListener {

  private final EmailAccountRequestRepository requests;

  public RecordEmailAccountDecision(EmailAccountRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = flag(task, REQUEST_APPROVED);
    String reason = string(task, REFUSAL_REASON);
    if (!approved && reason == null) {
      throw new InvalidInputException("Indique el motivo por el que no autoriza la solicitud; se envía al "
          + "solicitante.");
    }
    String decidedBy = ProcessVariables.actor(task);
    task.setVariable(REQUEST_APPROVED, approved);
    task.setVariable(REFUSAL_REASON, approved ? null : reason);
    task.setVariable(DECIDED_BY, decidedBy);
    requests.recordDecision(string(task, CASE_NUMBER),
        approved ? EmailAccountRequest.APPROVED : EmailAccountRequest.REFUSED, decidedBy,
        ClockUtil.getCurrentTime().toInstant(), approved ? null : reason);
  }
}
