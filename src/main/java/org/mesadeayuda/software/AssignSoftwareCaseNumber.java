package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mesadeayuda.platform.BusinessKeys;
import org.mesadeayuda.platform.TicketNumbers;
import org.springframework.stereotype.Component;

/** The request keeps the support ticket's number when it comes from one; otherwise it gets an SWI number. */
@Component("assignSoftwareCaseNumber")
public class AssignSoftwareCaseNumber implements ExecutionListener {

  private final TicketNumbers ticketNumbers;

  public AssignSoftwareCaseNumber(TicketNumbers ticketNumbers) {
    this.ticketNumbers = ticketNumbers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String number = BusinessKeys.assign(execution, ticketNumbers, CASE_PREFIX);
    execution.setVariable(CASE_NUMBER, number);
    execution.setVariable(REJECTION_REASON, null);
  }
}
