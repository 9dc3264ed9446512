package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The technician solved the request: resolved within the (possibly extended) deadline is "servicio conforme", after it
 * "no conforme"; an exempt ticket stays exempt (SR-8). A ticket attended by its type's own procedure is resolved
 * when that procedure ends, with its outcome.
 */
@Component("recordResolution")
public class RecordResolution implements JavaDelegate {

  private final TicketRegister register;

  public RecordResolution(TicketRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    String status = string(execution, SLA_STATUS);
    if (SLA_ON_TIME.equals(status)) {
      status = now.after(date(execution, RESOLUTION_DUE)) ? SLA_NON_CONFORMING : SLA_CONFORMING;
    }
    String finalStatus = status;
    execution.setVariable(RESOLVED, true);
    execution.setVariable(SLA_STATUS, finalStatus);
    register.set(ticketNumber(execution), TicketRegister.columns(
        "resolved_at", now.toInstant(),
        "sla_status", finalStatus,
        "work_done", string(execution, WORK_DONE),
        "attention_mode", string(execution, ATTENTION_MODE),
        // a type with its own procedure: the procedure's outcome is the ticket's (its summary is the work done)
        "procedure_outcome", string(execution, PROCEDURE_OUTCOME)));
  }
}
