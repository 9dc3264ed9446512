package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.List;
import java.util.Map;
import org.mesadeayuda.documents.GeneratedDocument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The "ticket finalizado" e-mail, asking the requester to rate the service (SR-12). */
@Component("sendTicketFinished")
public class SendTicketFinished implements JavaDelegate {

  private final SupportMails mails;
  private final TicketRegister register;
  private final TechnicalReportDocument reports;

  public SendTicketFinished(SupportMails mails, TicketRegister register, TechnicalReportDocument reports) {
    this.mails = mails;
    this.register = register;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // SR-13: the technical report of the attended ticket, from the register, goes with it (issue 18)
    GeneratedDocument report = reports.attended(register.get(ticketNumber(execution)));
    mails.send(string(execution, REQUESTER_EMAIL), "support-ticket-finished", execution,
        Map.of("documentFileName", report.fileName()), List.of(report.asAttachment()));
  }
}
