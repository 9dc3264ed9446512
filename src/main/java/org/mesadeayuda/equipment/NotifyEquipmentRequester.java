package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.mesadeayuda.platform.Labels;
import org.springframework.stereotype.Component;

/**
 * Tells whoever reported the failure how it ended (EF-1). A case that a support ticket opened ends before the ticket
 * does (the technician still documents the attention, the desk closes, the requester verifies): the e-mail then says
 * the equipment's handling ended and the ticket is still open, not that the case is closed.
 */
@Component("notifyEquipmentRequester")
public class NotifyEquipmentRequester implements JavaDelegate {

  private final EquipmentMails mails;

  public NotifyEquipmentRequester(EquipmentMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = string(execution, EQUIPMENT_OUTCOME);
    boolean fromTicket = ((ExecutionEntity) execution).getProcessInstance().getSuperExecution() != null;
    mails.send(string(execution, REQUESTER_EMAIL), "equipment-case-closed", execution, Map.of(
        "outcome", Labels.code(EQUIPMENT_OUTCOME, outcome),
        "fromTicket", fromTicket,
        "replacementAssetTag", Objects.toString(execution.getVariable(REPLACEMENT_ASSET_TAG), "")));
  }
}
