package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.AssetRetired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Total replacement (EF-6), after the Technology Director's authorization or Finance's purchase: the failed unit is
 * marked replaced and the new one takes its place (department, location, user). A purchased unit not yet in the
 * register is added with the failed unit's type.
 */
@Component("replaceEquipment")
public class ReplaceEquipment implements JavaDelegate {

  private final AssetRepository assets;
  private final ApplicationEventPublisher events;

  public ReplaceEquipment(AssetRepository assets, ApplicationEventPublisher events) {
    this.assets = assets;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Asset failed = assets.findByAssetTag(string(execution, ASSET_TAG)).orElseThrow();
    // the authorized spare unit, or else the one bought after Finance approved the purchase
    String newTag = flag(execution, REPLACEMENT_AUTHORIZED)
        ? string(execution, REPLACEMENT_ASSET_TAG) : string(execution, NEW_ASSET_TAG);
    if (newTag == null) {
      throw new IllegalStateException("no replacement unit for case " + caseNumber(execution));
    }
    Asset replacement = assets.findByAssetTag(newTag).orElseGet(() -> new Asset(null, newTag,
        failed.equipmentType(), null, null, null, null, null, null, "owned", null, null, null, null,
        Asset.IN_SERVICE, false, null, null, null));
    // the tag as the register has it (the form may have typed it in another case)
    assets.save(new Asset(replacement.id(), replacement.assetTag(), replacement.equipmentType(),
        replacement.brand(), replacement.model(), replacement.serialNumber(), failed.department(), failed.location(),
        failed.assignedUser(), replacement.ownership(), replacement.providerName(), replacement.providerEmail(),
        replacement.contractNumber(), replacement.warrantyEndDate(), Asset.IN_SERVICE, false, null, null,
        replacement.version()));
    assets.changeStatus(failed.assetTag(), Asset.REPLACED);
    events.publishEvent(new AssetRetired(failed.assetTag(),
        "Equipo reemplazado por " + replacement.assetTag() + " (caso " + caseNumber(execution) + ")"));
    execution.setVariable(REPLACEMENT_ASSET_TAG, replacement.assetTag());
    execution.setVariable(EQUIPMENT_OUTCOME, "replaced");
  }
}
