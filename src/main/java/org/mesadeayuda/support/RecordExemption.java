package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The request depends on another institution's servers or on procuring a good or service: it is left out of the
 * conforming indicator, with the reason recorded (SR-8, exception).
 */
@Component("recordExemption")
public class RecordExemption implements JavaDelegate {

  private final TicketRegister register;

  public RecordExemption(TicketRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(SLA_STATUS, SLA_EXEMPT);
    register.update(ticketNumber(execution), ticket -> {
      ticket.setSlaStatus(SLA_EXEMPT);
      ticket.setExemptionReason(string(execution, EXEMPTION_REASON));
      ticket.setExemptionDetail(string(execution, EXEMPTION_DETAIL));
      ticket.setWorkDone(string(execution, WORK_DONE));
    });
  }
}
