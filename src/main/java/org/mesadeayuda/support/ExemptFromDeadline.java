package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * SR-8, exceptions (001 §4.1): a request that depends on access to another institution's servers, or on contracting a
 * good or service, is left out of the 3-business-day deadline. As a ticket is handed to its own procedure, the types
 * the manual's exceptions cover are exempt with the reason recorded, as a technician's exemption would be: e-mail
 * accounts and password resets are done by the ministry's service desk (EM-1, EM-2); an acquisition of hardware or
 * software is a purchase (002 §4.2). Other types keep the deadline: the manual names no exception for them. A ticket
 * already marked non-conforming stays so: the exemption does not rewrite a deadline already missed.
 */
@Component("exemptFromDeadline")
public class ExemptFromDeadline implements ExecutionListener {

  private record Exemption(String reason, String detail) {}

  private static final Map<String, Exemption> BY_TYPE = Map.of(
      "email_account", new Exemption("external_servers",
          "Cuenta de correo: la tramita la mesa de servicio del ministerio (001 §4.4)."),
      "password_reset", new Exemption("external_servers",
          "Cuenta de correo: la tramita la mesa de servicio del ministerio (001 §4.4)."),
      "hardware_software_acquisition", new Exemption("procurement",
          "Adquisición de hardware o software: depende de la contratación de un bien (002 §4.2)."));

  private final TicketRegister register;

  public ExemptFromDeadline(TicketRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Exemption exemption = BY_TYPE.get(string(execution, REQUEST_TYPE));
    if (exemption == null || !SLA_ON_TIME.equals(string(execution, SLA_STATUS))) {
      return;
    }
    execution.setVariable(SLA_STATUS, SLA_EXEMPT);
    execution.setVariable(EXEMPTION_REASON, exemption.reason());
    execution.setVariable(EXEMPTION_DETAIL, exemption.detail());
    register.update(ticketNumber(execution), ticket -> {
      ticket.setSlaStatus(SLA_EXEMPT);
      ticket.setExemptionReason(exemption.reason());
      ticket.setExemptionDetail(exemption.detail());
    });
  }
}
