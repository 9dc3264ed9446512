package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The technician identified the unit (a corrected tag) or registered it as new. Data the register refuses is not an
 * incident: the process looks the tag up again and, still not finding it, asks the technician again with the reason.
 */
@Component("registerIdentifiedAsset")
public class RegisterIdentifiedAsset implements JavaDelegate {

  static final String IDENTIFY_PROBLEM = "identifyProblem";

  private final AssetRegister register;

  public RegisterIdentifiedAsset(AssetRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(IDENTIFY_PROBLEM, null);
    String tag = string(execution, ASSET_TAG);
    if (!flag(execution, REGISTER_NEW) || tag == null || register.find(tag).isPresent()) {
      return;
    }
    String warrantyEnd = string(execution, WARRANTY_END_DATE);
    Asset asset = new Asset(null, tag, string(execution, EQUIPMENT_TYPE), string(execution, BRAND),
        string(execution, MODEL), string(execution, SERIAL_NUMBER), string(execution, DEPARTMENT), null, null,
        string(execution, OWNERSHIP), string(execution, PROVIDER_NAME), string(execution, PROVIDER_EMAIL),
        string(execution, CONTRACT_NUMBER), warrantyEnd == null ? null : LocalDate.parse(warrantyEnd.substring(0, 10)),
        Asset.IN_SERVICE, false, null, null, null);
    // checked before creating: a refusal thrown inside the engine's transaction would roll the whole step back
    var problems = register.check(asset);
    if (problems.isEmpty()) {
      register.create(asset);
    } else {
      execution.setVariable(IDENTIFY_PROBLEM, "No se pudo registrar el equipo: " + problems);
    }
  }
}
