package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the requester the request was received, with its ticket number and deadlines (SR-1). */
@Component("sendAcknowledgement")
public class SendAcknowledgement implements JavaDelegate {

  private final SupportMails mails;

  public SendAcknowledgement(SupportMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mails.send(string(execution, REQUESTER_EMAIL), "support-acknowledgement", execution);
  }
}
