package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Finds the failed unit in the asset register and gives the routing decision what it needs: owned or leased, and how
 * many days of warranty were left on the day of the failure (EF-2). Negative = expired; none = no warranty.
 */
@Component("lookUpAsset")
public class LookUpAsset implements JavaDelegate {

  private final AssetRegister register;
  private final BusinessCalendar calendar;

  public LookUpAsset(AssetRegister register, BusinessCalendar calendar) {
    this.register = register;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Asset> found = Optional.ofNullable(string(execution, ASSET_TAG)).flatMap(register::find);
    execution.setVariable(ASSET_FOUND, found.isPresent());
    found.ifPresent(asset -> {
      LocalDate failureDate = failureDate(execution, calendar.zone());
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

  /**
   * The start form sends the day as ISO text; a support request hands over the moment it was opened; without either,
   * the failure is today.
   */
  static LocalDate failureDate(DelegateExecution execution, ZoneId zone) {
    Object value = execution.getVariable(FAILURE_DATE);
    if (value instanceof Date moment) {
      return moment.toInstant().atZone(zone).toLocalDate();
    }
    String text = string(execution, FAILURE_DATE);
    return text == null ? ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate()
        : LocalDate.parse(text.substring(0, 10));
  }
}
