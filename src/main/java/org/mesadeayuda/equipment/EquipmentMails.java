package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mesadeayuda.platform.MailAttachment;
import org.mesadeayuda.platform.Mailer;
import org.springframework.stereotype.Component;

/** The equipment-failure e-mails (templates/mail/equipment-*.mustache) with the case's facts filled in. */
@Component
public class EquipmentMails {

  private final Mailer mailer;

  public EquipmentMails(Mailer mailer) {
    this.mailer = mailer;
  }

  public void send(String to, String template, DelegateExecution execution, Map<String, ?> extra) {
    send(to, template, execution, extra, List.of());
  }

  public void send(String to, String template, DelegateExecution execution, Map<String, ?> extra,
      List<MailAttachment> attachments) {
    Map<String, Object> values = new HashMap<>();
    // the failure date goes as it is (a day typed in the form, or the moment a ticket was opened): the mailer writes it
    values.put(FAILURE_DATE, execution.getVariable(FAILURE_DATE));
    for (String name : new String[] {TICKET_NUMBER, REQUESTER_NAME, ASSET_TAG, ASSET_DESCRIPTION,
        FAILURE_DESCRIPTION, PROVIDER_NAME, CONTRACT_NUMBER, FINDINGS, PARTS_NEEDED, LOANER_ASSET_TAG}) {
      values.put(name, string(execution, name));
    }
    values.putAll(extra);
    mailer.send(to, template, values, attachments);
  }
}
