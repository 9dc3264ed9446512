package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The desk checked the solution with the requester and closed the ticket (SR-11). */
@Component("recordClosure")
public class RecordClosure implements JavaDelegate {

  private final TicketRegister register;

  public RecordClosure(TicketRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.update(ticketNumber(execution), ticket -> ticket.setClosedAt(TicketRegister.now()));
  }
}
