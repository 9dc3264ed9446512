package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The "ticket finalizado" e-mail, asking the requester to rate the service (SR-12). */
@Component("sendTicketFinished")
public class SendTicketFinished implements JavaDelegate {

  private final SupportMails mails;

  public SendTicketFinished(SupportMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mails.send(string(execution, REQUESTER_EMAIL), "support-ticket-finished", execution);
  }
}
