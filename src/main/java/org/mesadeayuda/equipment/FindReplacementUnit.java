package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A permanent failure can be solved with a spare unit of the same type, if the register has one (EF-6). The unit found
 * is held for this case at once, so no other case can take it while the Technology Director decides. Only the
 * institution's own equipment is replaced from its spares: a leased unit never reaches this step.
 */
@Component("findReplacementUnit")
public class FindReplacementUnit implements JavaDelegate {

  private final EquipmentReservations reservations;

  public FindReplacementUnit(EquipmentReservations reservations) {
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if ("leased".equals(string(execution, OWNERSHIP))) {
      throw new IllegalStateException("a leased unit is never replaced from the institution's spares (case "
          + caseNumber(execution) + ")");
    }
    String spare = reservations.holdSpare(caseNumber(execution), string(execution, EQUIPMENT_TYPE),
        string(execution, ASSET_TAG)).orElse(null);
    execution.setVariable(REPLACEMENT_AVAILABLE, spare != null);
    execution.setVariable(REPLACEMENT_ASSET_TAG, spare);
  }
}
