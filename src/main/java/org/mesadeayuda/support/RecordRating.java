package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the requester's rating, conforme / no conforme, or "sin respuesta" when the time to rate ran out (SR-12).
 */
@Component("recordRating")
public class RecordRating implements JavaDelegate {

  private final TicketRegister register;

  public RecordRating(TicketRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String satisfaction = string(execution, SATISFACTION);
    String recorded = satisfaction == null ? NO_ANSWER : satisfaction;
    if (!recorded.equals(execution.getVariable(SATISFACTION))) {
      // writing back the requester's answer unchanged would only add a history row
      execution.setVariable(SATISFACTION, recorded);
    }
    register.update(ticketNumber(execution), ticket -> {
      ticket.setSatisfaction(recorded);
      ticket.setRatingComment(string(execution, RATING_COMMENT));
    });
  }
}
