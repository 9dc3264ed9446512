package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.PortalLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The "ticket finalizado" e-mail, asking the requester to rate the service (SR-12), with a one-time link to the
 * rating page that ends with the rating timer (the rating task, created right after, reads the same deadline).
 */
@Component("sendTicketFinished")
public class SendTicketFinished implements JavaDelegate {

  private final SupportMails mails;
  private final ObjectProvider<PortalLinks> portal;
  private final RatingDeadline ratingDeadline;

  public SendTicketFinished(SupportMails mails, ObjectProvider<PortalLinks> portal, RatingDeadline ratingDeadline) {
    this.mails = mails;
    this.portal = portal;
    this.ratingDeadline = ratingDeadline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> links = new HashMap<>();
    PortalLinks portalLinks = portal.getIfAvailable();
    if (portalLinks != null) {
      String ticket = ticketNumber(execution);
      links.put("ratingUrl", portalLinks.rating(ticket, execution.getProcessInstanceId(),
          string(execution, REQUESTER), ratingDeadline.from(ClockUtil.getCurrentTime())));
      links.put("requestUrl", portalLinks.request(ticket));
    }
    mails.send(string(execution, REQUESTER_EMAIL), "support-ticket-finished", execution, links);
  }
}
