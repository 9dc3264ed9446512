package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Comparator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Parts are missing: the failed unit goes into repair and, if the loaner pool has a free unit (of the same type when
 * possible), it is lent to the requester until the case ends (EF-4). The repair memo to Finance follows. The loan is
 * taken by a conditional update (of two cases choosing the same unit one wins) and lasts until the case ends in any
 * way ({@link ReleaseEquipmentHolds}); loans of cases no longer running are given back first. A leased unit never
 * reaches this step: the institution's own loaners serve only its own equipment.
 */
@Component("lendLoaner")
public class LendLoaner implements JavaDelegate {

  private final AssetRepository assets;
  private final EquipmentReservations reservations;

  public LendLoaner(AssetRepository assets, EquipmentReservations reservations) {
    this.assets = assets;
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if ("leased".equals(string(execution, OWNERSHIP))) {
      throw new IllegalStateException("a leased unit is never repaired in-house (case " + caseNumber(execution) + ")");
    }
    String failedType = string(execution, EQUIPMENT_TYPE);
    reservations.releaseAbandoned();
    assets.changeStatus(string(execution, ASSET_TAG), Asset.IN_REPAIR);
    execution.setVariable(MEMO_PURPOSE, "repair");
    String borrower = string(execution, REQUESTER_NAME);
    String lent = null;
    for (Asset loaner : assets.findAvailableLoaners().stream()
        .sorted(Comparator.comparing((Asset unit) -> !unit.equipmentType().equals(failedType))).toList()) {
      // another case may take the same unit first: then try the next one
      if (assets.lend(loaner.assetTag(), borrower, caseNumber(execution)) == 1) {
        lent = loaner.assetTag();
        reservations.record(lent, caseNumber(execution), AssetEvent.LOANER_LENT,
            "Prestado a " + borrower + " mientras faltan partes para reparar " + string(execution, ASSET_TAG));
        break;
      }
    }
    execution.setVariable(LOANER_ASSET_TAG, lent);
  }
}
