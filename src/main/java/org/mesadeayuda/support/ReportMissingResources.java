package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;

/**
 * The desk found that the people or technical resources to attend the request are not available (002 §3, SR-3): the
 * check and what is missing are recorded, the head of Technology, who provides resources, is told, and the ticket
 * waits at the desk's review until the desk confirms that they are available.
 */
@Component("reportMissingResources")
public class ReportMissingResources implements JavaDelegate {

  private final TicketRegister register;
  private final SupportMails mails;
  private final InstitutionProperties institution;

  public ReportMissingResources(TicketRegister register, SupportMails mails, InstitutionProperties institution) {
    this.register = register;
    this.mails = mails;
    this.institution = institution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String missing = string(execution, MISSING_RESOURCES);
    register.update(ticketNumber(execution), ticket -> {
      ticket.setResourcesAvailable(false);
      ticket.setResourcesMissing(missing);
      ticket.setResourcesCheckedAt(TicketRegister.now());
      ticket.setResourcesCheckedBy(string(execution, REVIEWED_BY));
    });
    mails.send(institution.technologyHeadEmail(), "support-missing-resources", execution,
        Map.of("missingResources", missing));
  }
}
