package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.Labels;
import org.springframework.stereotype.Component;

/**
 * Records the ticket's first response (SR-9, 004 actividad 4): the moment the technician started attending, who and
 * how, as the technician's step "Iniciar atención" set them; and tells the requester who is attending her request. The
 * first-response alert and the monthly indicator read this moment.
 */
@Component("recordFirstResponse")
public class RecordFirstResponse implements JavaDelegate {

  private final TicketRegister register;
  private final SupportMails mails;
  private final Labels labels;

  public RecordFirstResponse(TicketRegister register, SupportMails mails, Labels labels) {
    this.register = register;
    this.mails = mails;
    this.labels = labels;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String technician = string(execution, FIRST_RESPONSE_BY);
    String channel = string(execution, FIRST_CONTACT_CHANNEL);
    register.set(ticketNumber(execution), TicketRegister.columns(
        "first_response_at", TicketRegister.instant(date(execution, FIRST_RESPONSE_AT)),
        "first_response_by", technician,
        "first_response_channel", channel,
        "technician", string(execution, TECHNICIAN)));
    String message = string(execution, FIRST_RESPONSE_MESSAGE);
    mails.send(string(execution, REQUESTER_EMAIL), "support-first-response", execution, Map.of(
        "technicianName", technician == null ? "un técnico de soporte" : labels.person(technician),
        "channel", Labels.code(FIRST_CONTACT_CHANNEL, channel),
        // a block of its own: the message is optional and an empty section would leave a dangling heading
        "technicianMessage", message == null ? "" : "\nMensaje del técnico:\n" + message + "\n"));
  }

}
