package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mesadeayuda.platform.BusinessKeys;
import org.mesadeayuda.platform.TicketNumbers;
import org.springframework.stereotype.Component;

/**
 * The case is known by the support ticket it comes from (business key passed by the call activity); a failure
 * reported on its own gets an EQP number, even when it names a related ticket ({@link BusinessKeys}).
 */
@Component("assignEquipmentCaseNumber")
public class AssignEquipmentCaseNumber implements ExecutionListener {

  private final TicketNumbers ticketNumbers;

  public AssignEquipmentCaseNumber(TicketNumbers ticketNumbers) {
    this.ticketNumbers = ticketNumbers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String number = BusinessKeys.assign(execution, ticketNumbers, CASE_PREFIX);
    execution.setVariable(TICKET_NUMBER, number);
    execution.setVariable(LOANER_ASSET_TAG, null);
    execution.setVariable(EQUIPMENT_OUTCOME, null);
  }
}
