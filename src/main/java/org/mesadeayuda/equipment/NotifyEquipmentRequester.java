package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells whoever reported the failure how it ended (EF-1). */
@Component("notifyEquipmentRequester")
public class NotifyEquipmentRequester implements JavaDelegate {

  static final Map<String, String> OUTCOME_LABELS = Map.ofEntries(
      Map.entry("lessor_repaired", "El arrendador reparó el equipo, tras la gestión de la Dirección de Tecnología."),
      Map.entry("lessor_replaced", "El arrendador reemplazó el equipo, tras la gestión de la Dirección de Tecnología."),
      Map.entry("lessor_contract_action", "El arrendador no atendió el reclamo; la Dirección de Tecnología sigue la "
          + "gestión según el contrato de arrendamiento. El equipo arrendado no se repara ni se reemplaza con equipos "
          + "propios de la institución."),
      Map.entry("repaired", "El equipo fue reparado por la Dirección de Tecnología."),
      Map.entry("provider_repaired", "El proveedor reparó el equipo."),
      Map.entry("provider_replaced", "El proveedor reemplazó el equipo."),
      Map.entry("replaced", "El equipo fue reemplazado por otro de características similares."),
      Map.entry("finance_rejected", "Administración y Finanzas no aprobó la compra; el equipo sigue en reparación."));

  private final EquipmentMails mails;

  public NotifyEquipmentRequester(EquipmentMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = string(execution, EQUIPMENT_OUTCOME);
    mails.send(string(execution, REQUESTER_EMAIL), "equipment-case-closed", execution, Map.of(
        "outcome", OUTCOME_LABELS.getOrDefault(outcome, outcome),
        "replacementAssetTag", String.valueOf(execution.getVariable(REPLACEMENT_ASSET_TAG) == null ? ""
            : execution.getVariable(REPLACEMENT_ASSET_TAG))));
  }
}
