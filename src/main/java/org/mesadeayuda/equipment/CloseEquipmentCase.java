package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ends the case in the register: any loaner comes back to the pool, the unit's state follows the outcome, and the
 * outcome is left for the calling support request (EF-1).
 */
@Component("closeEquipmentCase")
public class CloseEquipmentCase implements JavaDelegate {

  /** The outcomes a case can end with, and the state the failed unit is left in. */
  static final Map<String, String> UNIT_STATUS = Map.of(
      "repaired", Asset.IN_SERVICE,
      "provider_repaired", Asset.IN_SERVICE,
      "provider_replaced", Asset.IN_SERVICE,
      "replaced", Asset.REPLACED,
      "finance_rejected", Asset.IN_REPAIR,
      "lessor_repaired", Asset.IN_SERVICE,
      "lessor_replaced", Asset.IN_SERVICE,
      // the lessor neither repaired nor replaced it: the unit stays out of service while the contract is enforced
      "lessor_contract_action", Asset.IN_REPAIR);

  private final AssetRepository assets;
  private final EquipmentReservations reservations;

  public CloseEquipmentCase(AssetRepository assets, EquipmentReservations reservations) {
    this.assets = assets;
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = outcome(execution);
    execution.setVariable(EQUIPMENT_OUTCOME, outcome);
    reservations.releaseCase(caseNumber(execution), "caso cerrado");
    if (!"replaced".equals(outcome)) {
      assets.changeStatus(string(execution, ASSET_TAG), UNIT_STATUS.get(outcome));
    }
  }

  static String outcome(DelegateExecution execution) {
    if ("replaced".equals(string(execution, EQUIPMENT_OUTCOME))) {
      return "replaced";
    }
    if ("reject".equals(string(execution, FINANCE_DECISION))) {
      return "finance_rejected";
    }
    String lessor = string(execution, LESSOR_OUTCOME);
    if (lessor != null) {
      return lessor;
    }
    String provider = string(execution, PROVIDER_OUTCOME);
    if ("repaired".equals(provider) || "replaced".equals(provider)) {
      return "provider_" + provider;
    }
    return "repaired";
  }
}
