package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Finds the failed unit in the asset register and gives the routing decision what it needs: owned or leased, and how
 * many days of warranty were left on the day of the failure (EF-2). Negative = expired; none = no warranty.
 */
@Component("lookUpAsset")
public class LookUpAsset implements JavaDelegate {

  private final AssetRegister register;

  public LookUpAsset(AssetRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Asset> found = Optional.ofNullable(string(execution, ASSET_TAG)).flatMap(register::find);
    execution.setVariable(ASSET_FOUND, found.isPresent());
    found.ifPresent(asset -> {
      LocalDate failureDate = failureDate(execution);
      execution.setVariable(ASSET_DESCRIPTION, describe(asset));
      execution.setVariable(EQUIPMENT_TYPE, asset.equipmentType());
      execution.setVariable(OWNERSHIP, asset.ownership());
      execution.setVariable(WARRANTY_DAYS_LEFT, asset.warrantyEndDate() == null ? null
          : (int) ChronoUnit.DAYS.between(failureDate, asset.warrantyEndDate()));
      execution.setVariable(PROVIDER_NAME, asset.providerName());
      execution.setVariable(PROVIDER_EMAIL, asset.providerEmail());
      execution.setVariable(CONTRACT_NUMBER, asset.contractNumber());
    });
  }

  static String describe(Asset asset) {
    StringBuilder text = new StringBuilder(Asset.TYPES.getOrDefault(asset.equipmentType(), asset.equipmentType()));
    for (String part : new String[] {asset.brand(), asset.model()}) {
      if (part != null) {
        text.append(' ').append(part);
      }
    }
    if (asset.serialNumber() != null) {
      text.append(" (serie ").append(asset.serialNumber()).append(')');
    }
    return text.toString();
  }

  /** The form sends the day as ISO text; without one, the failure is today. */
  static LocalDate failureDate(DelegateExecution execution) {
    String text = string(execution, FAILURE_DATE);
    return text == null ? LocalDate.now() : LocalDate.parse(text.substring(0, 10));
  }
}
