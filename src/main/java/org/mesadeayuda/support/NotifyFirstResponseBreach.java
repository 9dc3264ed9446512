package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;

/** Nobody answered within the first-response time (SR-9): the desk is told, the ticket goes on. */
@Component("notifyFirstResponseBreach")
public class NotifyFirstResponseBreach implements JavaDelegate {

  private final TicketRegister register;
  private final SupportMails mails;
  private final InstitutionProperties institution;

  public NotifyFirstResponseBreach(TicketRegister register, SupportMails mails, InstitutionProperties institution) {
    this.register = register;
    this.mails = mails;
    this.institution = institution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date respondedAt = date(execution, FIRST_RESPONSE_AT);
    if (respondedAt != null) {
      // the technician started while this step waited as a job: "ningún técnico ha iniciado su atención" is no
      // longer true, so no e-mail; the breach stays on record when the start came after the deadline
      if (respondedAt.after(date(execution, FIRST_RESPONSE_DUE))) {
        register.update(ticketNumber(execution), ticket -> ticket.setFirstResponseBreached(true));
      }
      return;
    }
    register.update(ticketNumber(execution), ticket -> ticket.setFirstResponseBreached(true));
    mails.send(institution.deskEmail(), "support-first-response-breach", execution);
  }
}
