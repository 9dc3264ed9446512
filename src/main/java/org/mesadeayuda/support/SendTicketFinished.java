package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mesadeayuda.documents.GeneratedDocument;
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
  private final TicketRegister register;
  private final TechnicalReportDocument reports;
  private final ObjectProvider<PortalLinks> portal;
  private final RatingDeadline ratingDeadline;

  public SendTicketFinished(SupportMails mails, TicketRegister register, TechnicalReportDocument reports,
      ObjectProvider<PortalLinks> portal, RatingDeadline ratingDeadline) {
    this.mails = mails;
    this.register = register;
    this.reports = reports;
    this.portal = portal;
    this.ratingDeadline = ratingDeadline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // SR-13: the technical report of the attended ticket, from the register, goes with it (issue 18)
    GeneratedDocument report = reports.attended(register.get(ticketNumber(execution)));
    Map<String, Object> values = new HashMap<>();
    values.put("documentFileName", report.fileName());
    PortalLinks portalLinks = portal.getIfAvailable();
    if (portalLinks != null) {
      String ticket = ticketNumber(execution);
      values.put("ratingUrl", portalLinks.rating(ticket, execution.getProcessInstanceId(),
          string(execution, REQUESTER), ratingDeadline.from(ClockUtil.getCurrentTime())));
      values.put("requestUrl", portalLinks.request(ticket));
    }
    mails.send(string(execution, REQUESTER_EMAIL), "support-ticket-finished", execution, values,
        List.of(report.asAttachment()));
  }
}
