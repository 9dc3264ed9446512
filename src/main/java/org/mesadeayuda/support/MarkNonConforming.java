package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;

/**
 * The resolution deadline passed without a solution: the ticket is "servicio no conforme" (SR-8) and the head of
 * Technology is told. The work is not interrupted.
 */
@Component("markNonConforming")
public class MarkNonConforming implements JavaDelegate {

  private final TicketRegister register;
  private final SupportMails mails;
  private final InstitutionProperties institution;

  public MarkNonConforming(TicketRegister register, SupportMails mails, InstitutionProperties institution) {
    this.register = register;
    this.mails = mails;
    this.institution = institution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // this step waits as a job after the deadline passed: a ticket resolved or exempted meanwhile has its state
    // already, and "no se resolvió… la atención continúa" would no longer be true
    if (!SLA_ON_TIME.equals(string(execution, SLA_STATUS)) || Boolean.TRUE.equals(execution.getVariable(RESOLVED))) {
      return;
    }
    execution.setVariable(SLA_STATUS, SLA_NON_CONFORMING);
    register.update(ticketNumber(execution), ticket -> ticket.setSlaStatus(SLA_NON_CONFORMING));
    mails.send(institution.technologyHeadEmail(), "support-non-conforming", execution);
  }
}
