package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A permanent failure can be solved with a spare unit of the same type, if the register has one (EF-6). */
@Component("findReplacementUnit")
public class FindReplacementUnit implements JavaDelegate {

  private final AssetRepository assets;

  public FindReplacementUnit(AssetRepository assets) {
    this.assets = assets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String spare = assets.findSpareUnits(string(execution, EQUIPMENT_TYPE), string(execution, ASSET_TAG)).stream()
        .map(Asset::assetTag).findFirst().orElse(null);
    execution.setVariable(REPLACEMENT_AVAILABLE, spare != null);
    execution.setVariable(REPLACEMENT_ASSET_TAG, spare);
  }
}
