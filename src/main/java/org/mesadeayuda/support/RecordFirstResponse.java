package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Records the ticket's first response (SR-9, 004 actividad 4): the moment the technician started attending, who and
 * how, as the technician's step "Iniciar atención" set them; and tells the requester who is attending her request. The
 * first-response alert and the monthly indicator read this moment.
 */
@Component("recordFirstResponse")
public class RecordFirstResponse implements JavaDelegate {

  private static final Map<String, String> CHANNEL_LABELS = Map.of("phone", "por teléfono", "email", "por correo",
      "in_person", "en su puesto de trabajo", "remote", "por conexión remota");

  private final TicketRegister register;
  private final SupportMails mails;

  public RecordFirstResponse(TicketRegister register, SupportMails mails) {
    this.register = register;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String technician = string(execution, FIRST_RESPONSE_BY);
    String channel = string(execution, FIRST_CONTACT_CHANNEL);
    register.update(ticketNumber(execution), ticket -> {
      ticket.setFirstResponseAt(TicketRegister.instant(date(execution, FIRST_RESPONSE_AT)));
      ticket.setFirstResponseBy(technician);
      ticket.setFirstResponseChannel(channel);
      ticket.setTechnician(string(execution, TECHNICIAN));
    });
    String message = string(execution, FIRST_RESPONSE_MESSAGE);
    mails.send(string(execution, REQUESTER_EMAIL), "support-first-response", execution, Map.of(
        "technicianName", displayName(execution, technician),
        "channel", CHANNEL_LABELS.getOrDefault(channel, ""),
        // a block of its own: the message is optional and an empty section would leave a dangling heading
        "technicianMessage", message == null ? "" : "\nMensaje del técnico:\n" + message + "\n"));
  }

  private static String displayName(DelegateExecution execution, String userId) {
    if (userId == null) {
      return "un técnico de soporte";
    }
    User user = execution.getProcessEngineServices().getIdentityService().createUserQuery().userId(userId)
        .singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }
}
