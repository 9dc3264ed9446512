package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import java.util.Objects;
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
  private final ImmediateBoss immediateBoss;

  public RecordEmailAccountDecision(EmailAccountRequestRepository requests, ImmediateBoss immediateBoss) {
    this.requests = requests;
    this.immediateBoss = immediateBoss;
  }

  @Override
  public void notify(DelegateTask task) {
    String decidedBy = ProcessVariables.actor(task);
    if (PASSWORD_RESET.equals(string(task, REQUEST_TYPE))) {
      // EM-2: only the immediate boss the requester named signs, and never the requester herself (the desk could have
      // handed the task to another head, the requester included)
      if (immediateBoss.isRequester(task, decidedBy)) {
        throw new InvalidInputException("No puede firmar su propio reinicio de contraseña: lo firma su jefe "
            + "inmediato.");
      }
      String signer = string(task, BOSS_USER);
      if (signer != null && !signer.equals(decidedBy)) {
        throw new InvalidInputException("Solo " + Objects.toString(string(task, IMMEDIATE_BOSS_NAME), signer)
            + ", el jefe inmediato que nombró la solicitud, firma este reinicio de contraseña.");
      }
    }
    boolean approved = flag(task, REQUEST_APPROVED);
    String reason = string(task, REFUSAL_REASON);
    if (!approved && reason == null) {
      throw new InvalidInputException("Indique el motivo por el que no autoriza la solicitud; se envía al "
          + "solicitante.");
    }
    task.setVariable(REQUEST_APPROVED, approved);
    task.setVariable(REFUSAL_REASON, approved ? null : reason);
    task.setVariable(DECIDED_BY, decidedBy);
    requests.recordDecision(string(task, CASE_NUMBER),
        approved ? EmailAccountRequest.APPROVED : EmailAccountRequest.REFUSED, decidedBy,
        ClockUtil.getCurrentTime().toInstant(), approved ? null : reason);
  }
}
