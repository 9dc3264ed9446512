package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Comparator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Parts are missing: the failed unit goes into repair and, if the loaner pool has a free unit (of the same type when
 * possible), it is lent to the requester until the case ends (EF-4). The repair memo to Finance follows.
 */
@Component("lendLoaner")
public class LendLoaner implements JavaDelegate {

  private final AssetRepository assets;

  public LendLoaner(AssetRepository assets) {
    this.assets = assets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String failedType = string(execution, EQUIPMENT_TYPE);
    assets.changeStatus(string(execution, ASSET_TAG), Asset.IN_REPAIR);
    execution.setVariable(MEMO_PURPOSE, "repair");
    String borrower = string(execution, REQUESTER_NAME);
    String lent = null;
    for (Asset loaner : assets.findAvailableLoaners().stream()
        .sorted(Comparator.comparing((Asset unit) -> !unit.equipmentType().equals(failedType))).toList()) {
      // another case may take the same unit first: then try the next one
      if (assets.lend(loaner.assetTag(), borrower, caseNumber(execution)) == 1) {
        lent = loaner.assetTag();
        break;
      }
    }
    execution.setVariable(LOANER_ASSET_TAG, lent);
  }
}
