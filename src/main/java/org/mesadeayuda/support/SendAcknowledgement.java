package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.PortalLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Tells the requester the request was received, with its ticket number, deadlines and its page (SR-1). */
@Component("sendAcknowledgement")
public class SendAcknowledgement implements JavaDelegate {

  private final SupportMails mails;
  private final ObjectProvider<PortalLinks> portal;

  public SendAcknowledgement(SupportMails mails, ObjectProvider<PortalLinks> portal) {
    this.mails = mails;
    this.portal = portal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PortalLinks portalLinks = portal.getIfAvailable();
    mails.send(string(execution, REQUESTER_EMAIL), "support-acknowledgement", execution,
        portalLinks == null ? Map.of() : Map.of("requestUrl", portalLinks.request(ticketNumber(execution))));
  }
}
