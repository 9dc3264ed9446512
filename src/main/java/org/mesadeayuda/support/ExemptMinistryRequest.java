package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * SR-8, exception (001 §4.1): a request that depends on the ministry's servers is left out of the 3-business-day
 * deadline. E-mail accounts and password resets are done by the ministry's service desk (EM-1, EM-2), so a ticket
 * handed to the e-mail account procedure is exempt, with the reason recorded, as a technician's exemption would be.
 * A ticket already marked non-conforming stays so: the exemption does not rewrite a deadline already missed.
 */
@Component("exemptMinistryRequest")
public class ExemptMinistryRequest implements ExecutionListener {

  static final String EXTERNAL_SERVERS = "external_servers";
  static final String DETAIL = "Cuenta de correo: la tramita la mesa de servicio del ministerio (001 §4.4).";

  private final TicketRegister register;

  public ExemptMinistryRequest(TicketRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!SLA_ON_TIME.equals(string(execution, SLA_STATUS))) {
      return;
    }
    execution.setVariable(SLA_STATUS, SLA_EXEMPT);
    execution.setVariable(EXEMPTION_REASON, EXTERNAL_SERVERS);
    execution.setVariable(EXEMPTION_DETAIL, DETAIL);
    register.update(ticketNumber(execution), ticket -> {
      ticket.setSlaStatus(SLA_EXEMPT);
      ticket.setExemptionReason(EXTERNAL_SERVERS);
      ticket.setExemptionDetail(DETAIL);
    });
  }
}
