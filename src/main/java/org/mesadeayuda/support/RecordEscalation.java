package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Escalation by level (SR-6): the ticket goes back to the desk without a technician, at the requested level (or the
 * next one), for the desk to assign someone of that level.
 */
@Component("recordEscalation")
public class RecordEscalation implements JavaDelegate {

  static final int HIGHEST_LEVEL = 3;

  private final TicketRegister register;

  public RecordEscalation(TicketRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer current = integer(execution, SUPPORT_LEVEL);
    Integer requested = integer(execution, REQUESTED_LEVEL);
    int level = Math.min(HIGHEST_LEVEL, requested != null ? requested : (current == null ? 1 : current) + 1);
    execution.setVariable(SUPPORT_LEVEL, String.valueOf(level));
    execution.setVariable(TECHNICIAN, null);
    register.update(ticketNumber(execution), ticket -> {
      ticket.setSupportLevel(level);
      ticket.setEscalations(ticket.getEscalations() + 1);
      ticket.setTechnician(null);
      ticket.setWorkDone(string(execution, WORK_DONE));
    });
  }
}
