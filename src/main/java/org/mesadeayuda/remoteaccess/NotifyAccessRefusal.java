package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.RequesterLinks;
import org.springframework.stereotype.Component;

/** A refused request is explained to the staff member who asked for it (RA-1, RA-4). */
@Component("notifyAccessRefusal")
public class NotifyAccessRefusal implements JavaDelegate {

  static final String PURPOSE_NOT_ALLOWED =
      "El propósito no está entre los permitidos: actualizaciones, consultas sobre herramientas, copias de "
          + "seguridad o auditoría informática.";

  private final RemoteAccessMails mails;
  private final RequesterLinks links;

  public NotifyAccessRefusal(RemoteAccessMails mails, RequesterLinks links) {
    this.mails = mails;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = "other".equals(string(execution, PURPOSE)) ? PURPOSE_NOT_ALLOWED
        : string(execution, REFUSAL_REASON);
    Map<String, Object> values = new HashMap<>();
    values.put(REFUSAL_REASON, reason == null ? "No se autorizó el acceso." : reason);
    // the case is in the "Mis solicitudes" of whoever asked for it: the staff member when she asked herself
    String staffMember = string(execution, STAFF_MEMBER);
    if (staffMember != null && staffMember.equals(string(execution, REQUESTED_BY))) {
      links.addTo(values, execution);
    }
    mails.send(string(execution, STAFF_MEMBER_EMAIL), "remote-access-refused", execution, values);
  }
}
