package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.mesadeayuda.platform.Labels;
import org.mesadeayuda.platform.RequesterLinks;
import org.springframework.stereotype.Component;

/**
 * Tells whoever reported the failure how it ended (EF-1). A case that a support ticket opened ends before the ticket
 * does (the technician still documents the attention, the desk closes, the requester verifies): the e-mail then says
 * the equipment's handling ended and the ticket is still open, not that the case is closed.
 */
@Component("notifyEquipmentRequester")
public class NotifyEquipmentRequester implements JavaDelegate {

  private final EquipmentMails mails;
  private final RequesterLinks links;

  public NotifyEquipmentRequester(EquipmentMails mails, RequesterLinks links) {
    this.mails = mails;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = string(execution, EQUIPMENT_OUTCOME);
    boolean fromTicket = ((ExecutionEntity) execution).getProcessInstance().getSuperExecution() != null;
    Map<String, Object> values = new HashMap<>(links.of(execution));
    values.put("outcome", Labels.code(EQUIPMENT_OUTCOME, outcome));
    values.put("fromTicket", fromTicket);
    values.put("replacementAssetTag", Objects.toString(execution.getVariable(REPLACEMENT_ASSET_TAG), ""));
    mails.send(string(execution, REQUESTER_EMAIL), "equipment-case-closed", execution, values);
  }
}
