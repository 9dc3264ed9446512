package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the requester's verification of the solution and her rating (SR-11, SR-12): "confirmed" with conforme / no
 * conforme when she answered that the solution holds; "tacit" with "sin respuesta" when the time to answer ran out
 * (004 actividad 6: the system closes the case). Used by both Task_RecordRating and Task_CloseWithoutRating: only an
 * answer "yes" of this round counts as an explicit verification.
 */
@Component("recordRating")
public class RecordRating implements JavaDelegate {

  private final TicketRegister register;

  public RecordRating(TicketRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean confirmed = "yes".equals(string(execution, SOLUTION_VERIFIED));
    String satisfaction = string(execution, SATISFACTION);
    String recorded = !confirmed || satisfaction == null ? NO_ANSWER : satisfaction;
    if (!recorded.equals(execution.getVariable(SATISFACTION))) {
      // writing back the requester's answer unchanged would only add a history row
      execution.setVariable(SATISFACTION, recorded);
    }
    register.set(ticketNumber(execution), TicketRegister.columns(
        "verification", confirmed ? VERIFICATION_CONFIRMED : VERIFICATION_TACIT,
        "verified_at", TicketRegister.now(),
        "satisfaction", recorded,
        "rating_comment", confirmed ? string(execution, RATING_COMMENT) : null));
  }
}
