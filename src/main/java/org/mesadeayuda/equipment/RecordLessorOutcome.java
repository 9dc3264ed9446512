package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The outcome of the Technology Director's pursuit of the lessor goes into the unit's history with what was done, and
 * into the case ({@code equipmentOutcome}); the case then closes. Nothing of the institution's own is used.
 */
@Component("recordLessorOutcome")
public class RecordLessorOutcome implements JavaDelegate {

  static final Map<String, String> OUTCOME_TEXTS = Map.of(
      "lessor_repaired", "el arrendador reparó el equipo",
      "lessor_replaced", "el arrendador reemplazó el equipo",
      "lessor_contract_action", "acción según el contrato de arrendamiento");

  private final EquipmentReservations reservations;

  public RecordLessorOutcome(EquipmentReservations reservations) {
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = string(execution, LESSOR_OUTCOME);
    StringBuilder detail = new StringBuilder("El arrendador ")
        .append(string(execution, PROVIDER_NAME) == null ? "" : string(execution, PROVIDER_NAME) + " ")
        .append("rechazó el reclamo");
    if (string(execution, CONTRACT_NUMBER) != null) {
      detail.append(" (contrato ").append(string(execution, CONTRACT_NUMBER)).append(')');
    }
    if (string(execution, PROVIDER_NOTES) != null) {
      detail.append(": ").append(string(execution, PROVIDER_NOTES));
    }
    detail.append(". Gestión de la Dirección de Tecnología: ").append(string(execution, LESSOR_ACTIONS))
        .append(". Resultado: ").append(OUTCOME_TEXTS.getOrDefault(outcome, outcome)).append('.');
    if (string(execution, LESSOR_REFERENCE) != null) {
      detail.append(" Referencia: ").append(string(execution, LESSOR_REFERENCE)).append('.');
    }
    reservations.record(string(execution, ASSET_TAG), caseNumber(execution), AssetEvent.LESSOR_PURSUED,
        detail.toString(), string(execution, LESSOR_PURSUED_BY));
    execution.setVariable(EQUIPMENT_OUTCOME, outcome);
  }
}
