package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Sets the ticket's deadlines from the priority's targets (SR-8: business days; SR-9: hours counted as the
 * institution sets, {@link FirstResponseTime}), and opens its row in the
 * register (SR-13).
 */
@Component("registerTicket")
public class RegisterTicket implements JavaDelegate {

  private final BusinessCalendar calendar;
  private final TicketRegister register;
  private final FirstResponseTime firstResponseTime;
  private final SupportTargets targets;

  public RegisterTicket(BusinessCalendar calendar, TicketRegister register, FirstResponseTime firstResponseTime,
      SupportTargets targets) {
    this.targets = targets;
    this.calendar = calendar;
    this.register = register;
    this.firstResponseTime = firstResponseTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date openedAt = date(execution, OPENED_AT);
    // the priority's targets, within the institution's ceilings (SR-8, SR-9)
    int firstResponseHours = targets.firstResponseHours(integer(execution, FIRST_RESPONSE_HOURS));
    int resolutionDays = targets.resolutionBusinessDays(integer(execution, RESOLUTION_DAYS));
    // written back only when a ceiling lowered the decision's value: an unchanged write is a variable update and
    // two history rows per ticket for nothing (issue 19)
    if (!Integer.valueOf(firstResponseHours).equals(execution.getVariable(FIRST_RESPONSE_HOURS))) {
      execution.setVariable(FIRST_RESPONSE_HOURS, firstResponseHours);
    }
    if (!Integer.valueOf(resolutionDays).equals(execution.getVariable(RESOLUTION_DAYS))) {
      execution.setVariable(RESOLUTION_DAYS, resolutionDays);
    }
    Date firstResponseDue = firstResponseTime.due(openedAt, firstResponseHours);
    Date resolutionDue = calendar.addBusinessDays(openedAt, resolutionDays);
    execution.setVariable(FIRST_RESPONSE_DUE, firstResponseDue);
    execution.setVariable(RESOLUTION_DUE, resolutionDue);

    SupportTicket ticket = new SupportTicket();
    ticket.setTicketNumber(ticketNumber(execution));
    ticket.setProcessInstanceId(execution.getProcessInstanceId());
    ticket.setRequesterName(string(execution, REQUESTER_NAME));
    ticket.setRequesterUserId(string(execution, REQUESTER));
    ticket.setRequesterEmail(string(execution, REQUESTER_EMAIL));
    ticket.setRequesterPhone(string(execution, REQUESTER_PHONE));
    ticket.setDepartment(string(execution, DEPARTMENT));
    ticket.setChannel(string(execution, CHANNEL));
    ticket.setRegisteredBy(string(execution, REGISTERED_BY));
    ticket.setRequestType(string(execution, REQUEST_TYPE));
    ticket.setServiceCatalogEntry(string(execution, SERVICE_CATALOG_ENTRY));
    ticket.setHandlingGroup(string(execution, HANDLING_GROUP));
    ticket.setDescription(string(execution, DESCRIPTION));
    ticket.setAssetTag(string(execution, ASSET_TAG));
    ticket.setImpact(string(execution, IMPACT));
    ticket.setUrgency(string(execution, URGENCY));
    ticket.setPriority(string(execution, PRIORITY));
    ticket.setOpenedAt(TicketRegister.instant(openedAt));
    ticket.setFirstResponseDue(TicketRegister.instant(firstResponseDue));
    ticket.setResolutionDue(TicketRegister.instant(resolutionDue));
    ticket.setSlaStatus(SLA_ON_TIME);
    register.open(ticket);
  }
}
