package org.mesadeayuda.specialised;

import static org.mesadeayuda.specialised.SpecialisedRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessKeys;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.TicketNumbers;
import org.springframework.stereotype.Component;

/**
 * A specialised request (002 §4.2) gets its case number and its line in the register as it starts: its own number
 * (ESP-2026-000001) when started on its own, the ticket's number when a support ticket hands it over (the same case).
 * A ticket's request type proposes the kind to the classification.
 */
@Component("registerSpecialisedRequest")
public class RegisterSpecialisedRequest implements ExecutionListener {

  private final TicketNumbers ticketNumbers;
  private final SpecialisedRequestRepository requests;

  public RegisterSpecialisedRequest(TicketNumbers ticketNumbers, SpecialisedRequestRepository requests) {
    this.ticketNumbers = ticketNumbers;
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // a person's start was checked against the start form (StartValidationPlugin); a ticket's hand-over is checked
    // here, as what the register cannot do without
    if (string(execution, REQUESTER_NAME) == null || string(execution, REQUESTER_EMAIL) == null
        || string(execution, DESCRIPTION) == null) {
      throw new InvalidInputException("La solicitud especializada necesita el nombre y el correo del solicitante y "
          + "la descripción de lo que se necesita.");
    }
    String caseNumber = BusinessKeys.assign(execution, ticketNumbers, CASE_PREFIX);
    boolean fromTicket = execution.getSuperExecution() != null;
    String proposedKind = string(execution, PROPOSED_KIND);
    if (proposedKind == null || !KINDS.containsKey(proposedKind)) {
      String requestType = string(execution, REQUEST_TYPE);
      proposedKind = requestType == null ? null : KIND_OF_REQUEST_TYPE.get(requestType);
    }
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setVariable(PROPOSED_KIND, proposedKind);
    requests.save(SpecialisedRequest.received(caseNumber, execution.getProcessInstanceId(),
        fromTicket ? string(execution, TICKET_NUMBER) == null ? caseNumber : string(execution, TICKET_NUMBER) : null,
        string(execution, REQUESTER), string(execution, REQUESTER_NAME), string(execution, REQUESTER_EMAIL),
        string(execution, DEPARTMENT), string(execution, DESCRIPTION), string(execution, JUSTIFICATION),
        proposedKind, ClockUtil.getCurrentTime().toInstant()));
  }
}
