package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.AssetRetired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Total replacement (EF-6), after the Technology Director's authorization or Finance's purchase: the failed unit is
 * marked replaced and the new one takes its place (department, location, user). A purchased unit not yet in the
 * register is added with the failed unit's type. The spare unit is checked again here: it must still be held for
 * this case and usable; if it is not (changed in the register meanwhile), the hold is dropped and the case looks for
 * another unit ({@value #SPARE_UNIT_GONE}).
 */
@Component("replaceEquipment")
public class ReplaceEquipment implements JavaDelegate {

  /** BPMN error: the spare unit held for the case is no longer available when it is to be used. */
  public static final String SPARE_UNIT_GONE = "SPARE_UNIT_GONE";

  private final AssetRepository assets;
  private final ApplicationEventPublisher events;
  private final EquipmentReservations reservations;

  public ReplaceEquipment(AssetRepository assets, ApplicationEventPublisher events,
      EquipmentReservations reservations) {
    this.assets = assets;
    this.events = events;
    this.reservations = reservations;
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
    if (flag(execution, REPLACEMENT_AUTHORIZED) && !reservations.isSpareHeldFor(newTag, caseNumber(execution))) {
      reservations.releaseSpares(caseNumber(execution), "el equipo " + newTag + " ya no está disponible");
      execution.setVariable(REPLACEMENT_AUTHORIZED, null);
      throw new BpmnError(SPARE_UNIT_GONE, "El equipo de reemplazo " + newTag + " ya no está disponible");
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
    reservations.releaseSpares(caseNumber(execution), "usado en el reemplazo de " + failed.assetTag());
    events.publishEvent(new AssetRetired(failed.assetTag(),
        "Equipo reemplazado por " + replacement.assetTag() + " (caso " + caseNumber(execution) + ")"));
    execution.setVariable(REPLACEMENT_ASSET_TAG, replacement.assetTag());
    execution.setVariable(EQUIPMENT_OUTCOME, "replaced");
  }
}
