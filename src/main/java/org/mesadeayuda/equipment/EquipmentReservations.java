package org.mesadeayuda.equipment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * What an equipment case holds in the register: a spare unit chosen to replace a failed one (EF-6) and a loaner lent
 * while parts are missing (EF-4). A unit is held for one case from the moment it is chosen, by a conditional update
 * (of two cases choosing the same unit one wins), checked again when it is used, and given back when it is refused,
 * used or the case ends in any way, also when the case is deleted in Cockpit ("siempre y cuando, exista
 * disponibilidad de equipo", 000 procedimiento 2). Every hold and release is written in the unit's history.
 */
@Component
public class EquipmentReservations {

  static final String ABANDONED = "el caso ya no está en curso";

  private final AssetRepository assets;
  private final AssetEventRepository history;
  private final RuntimeService runtimeService;

  public EquipmentReservations(AssetRepository assets, AssetEventRepository history, RuntimeService runtimeService) {
    this.assets = assets;
    this.history = history;
    this.runtimeService = runtimeService;
  }

  /** Chooses and holds a free spare unit of the type for the case; empty when none is left. */
  public Optional<String> holdSpare(String caseNumber, String equipmentType, String failedTag) {
    releaseAbandoned();
    List<String> alreadyHeld = assets.findTagsHeldFor(caseNumber);
    if (!alreadyHeld.isEmpty()) {
      return Optional.of(alreadyHeld.get(0)); // the step ran again (a retried job): keep what it holds
    }
    for (Asset spare : assets.findSpareUnits(equipmentType, failedTag)) {
      // another case may hold the same unit first: then try the next one
      if (assets.reserveSpare(spare.assetTag(), caseNumber) == 1) {
        record(spare.assetTag(), caseNumber, AssetEvent.SPARE_HELD,
            "Reservado como equipo de reemplazo, pendiente de la autorización de la Dirección de Tecnología");
        return Optional.of(spare.assetTag());
      }
    }
    return Optional.empty();
  }

  /** Checked again when the unit is used: still held for this case and still a usable spare. */
  public boolean isSpareHeldFor(String assetTag, String caseNumber) {
    return assetTag != null && assets.isSpareHeldFor(assetTag, caseNumber);
  }

  /** The held spare unit goes back to the pool (refused, used, or the case ended). */
  public void releaseSpares(String caseNumber, String reason) {
    for (String tag : assets.findTagsHeldFor(caseNumber)) {
      record(tag, caseNumber, AssetEvent.SPARE_RELEASED, "Reserva liberada: " + reason);
    }
    assets.releaseHoldsOf(caseNumber);
  }

  /** Everything the case holds comes back: the spare unit and the loaner. */
  public void releaseCase(String caseNumber, String reason) {
    releaseSpares(caseNumber, reason);
    for (String tag : assets.findTagsLentFor(caseNumber)) {
      record(tag, caseNumber, AssetEvent.LOANER_RETURNED, "Préstamo devuelto: " + reason);
    }
    assets.returnLoansOf(caseNumber);
  }

  /**
   * Gives back what cases no longer running still hold: Cockpit can delete a case skipping its listeners, so
   * the end of the case alone cannot be relied on. Runs before a unit is chosen.
   */
  public void releaseAbandoned() {
    for (String caseNumber : assets.findCasesHoldingUnits()) {
      long running = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(EquipmentFailureVariables.PROCESS_KEY).processInstanceBusinessKey(caseNumber).count();
      if (running == 0) {
        releaseCase(caseNumber, ABANDONED);
      }
    }
  }

  public void record(String assetTag, String caseNumber, String event, String detail) {
    record(assetTag, caseNumber, event, detail, null);
  }

  public void record(String assetTag, String caseNumber, String event, String detail, String recordedBy) {
    String text = detail != null && detail.length() > 2000 ? detail.substring(0, 2000) : detail;
    history.save(new AssetEvent(null, assetTag, caseNumber, event, text, recordedBy,
        Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime())));
  }
}
