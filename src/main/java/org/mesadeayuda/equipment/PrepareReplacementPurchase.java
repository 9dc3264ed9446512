package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * No spare unit, or the Technology Director did not authorize using it: the memo to Finance asks to buy equipment of
 * similar characteristics instead of parts (EF-5, EF-6), at the cost estimated in the diagnosis. A spare unit held for
 * the case and refused by the Director goes back to the pool.
 */
@Component("prepareReplacementPurchase")
public class PrepareReplacementPurchase implements JavaDelegate {

  private final AssetRepository assets;
  private final EquipmentReservations reservations;

  public PrepareReplacementPurchase(AssetRepository assets, EquipmentReservations reservations) {
    this.assets = assets;
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reservations.releaseSpares(caseNumber(execution), "la Dirección de Tecnología no autorizó el reemplazo");
    assets.changeStatus(string(execution, ASSET_TAG), Asset.IN_REPAIR);
    execution.setVariable(MEMO_PURPOSE, "purchase");
    if (string(execution, PARTS_NEEDED) == null) {
      execution.setVariable(PARTS_NEEDED, "Equipo de características similares a " + string(execution,
          ASSET_DESCRIPTION));
    }
  }
}
