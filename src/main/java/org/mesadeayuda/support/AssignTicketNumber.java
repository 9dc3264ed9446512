package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessKeys;
import org.mesadeayuda.platform.TicketNumbers;
import org.springframework.stereotype.Component;

/**
 * Gives the request its ticket number as business key (SR-1) the moment it is received, however it is started (our
 * API answers with it); a business key sent by the caller is replaced ({@link BusinessKeys}).
 */
@Component("assignTicketNumber")
public class AssignTicketNumber implements ExecutionListener {

  private final TicketNumbers ticketNumbers;

  public AssignTicketNumber(TicketNumbers ticketNumbers) {
    this.ticketNumbers = ticketNumbers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String number = BusinessKeys.assign(execution, ticketNumbers, TICKET_PREFIX);
    execution.setVariable(TICKET_NUMBER, number);
    execution.setVariable(OPENED_AT, ClockUtil.getCurrentTime());
    if (string(execution, REQUESTER) == null) {
      // whoever filled the form asks for themselves, unless the desk registers a call for someone else
      execution.setVariable(REQUESTER, string(execution, REGISTERED_BY));
    }
    execution.setVariable(RESOLVED, false);
    execution.setVariable(SLA_STATUS, SLA_ON_TIME);
    execution.setVariable(FIRST_RESPONSE_AT, null);
    execution.setVariable(TECHNICIAN, null);
  }
}
