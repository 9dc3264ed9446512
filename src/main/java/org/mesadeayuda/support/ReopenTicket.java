package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The desk, or the requester who did not verify the solution, sent the ticket back to the technician (SR-11): it is
 * not resolved any more. A ticket that was conforming is measured against its deadline again; a non-conforming or
 * exempt one keeps that state. It goes back to whoever holds the ticket now (the variable technician follows
 * reassignments), and the register records the requester's rejection with her reason.
 */
@Component("reopenTicket")
public class ReopenTicket implements JavaDelegate {

  private final TicketRegister register;

  public ReopenTicket(TicketRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean requesterRejected = DeskAndRequesterInput.REOPENED_BY_REQUESTER.equals(string(execution, REOPENED_BY));
    String status = string(execution, SLA_STATUS);
    String reopenedStatus = SLA_CONFORMING.equals(status) ? SLA_ON_TIME : status;
    execution.setVariable(RESOLVED, false);
    execution.setVariable(SLA_STATUS, reopenedStatus);
    register.update(ticketNumber(execution), ticket -> {
      ticket.setResolvedAt(null);
      ticket.setSlaStatus(reopenedStatus);
      ticket.setReopened(ticket.getReopened() + 1);
      ticket.setTechnician(string(execution, TECHNICIAN));
      if (requesterRejected) {
        ticket.setVerification(VERIFICATION_REJECTED);
        ticket.setVerifiedAt(TicketRegister.now());
        ticket.setVerificationReason(string(execution, REOPEN_REASON));
      }
    });
  }
}
