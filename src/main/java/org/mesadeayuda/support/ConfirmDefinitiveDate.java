package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A temporary solution was given: records it and confirms to the requester, by e-mail, the date and time agreed for
 * the definitive one (SR-7). The process then waits until that moment.
 */
@Component("confirmDefinitiveDate")
public class ConfirmDefinitiveDate implements JavaDelegate {

  private final TicketRegister register;
  private final SupportMails mails;

  public ConfirmDefinitiveDate(TicketRegister register, SupportMails mails) {
    this.register = register;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.update(ticketNumber(execution), ticket -> {
      if (ticket.getTemporarySolutionAt() == null) {
        ticket.setTemporarySolutionAt(TicketRegister.now());
      }
      ticket.setDefinitiveSolutionDue(TicketRegister.instant(date(execution, DEFINITIVE_SOLUTION_DUE)));
      ticket.setWorkDone(string(execution, WORK_DONE));
      ticket.setAttentionMode(string(execution, ATTENTION_MODE));
    });
    mails.send(string(execution, REQUESTER_EMAIL), "support-definitive-date", execution,
        Map.of("definitiveSolutionDue", mails.format(date(execution, DEFINITIVE_SOLUTION_DUE))));
  }
}
