package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Finance bought the licences: they enter the register (and the software enters the catalogue if it was not there),
 * and one seat is held for this case at once, so the installation that follows finds it.
 */
@Component("registerPurchasedLicences")
public class RegisterPurchasedLicences implements JavaDelegate {

  private final LicenceRegister register;

  public RegisterPurchasedLicences(LicenceRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long softwareId = (Long) execution.getVariable(SOFTWARE_ID);
    if (softwareId == null) {
      softwareId = register.find(string(execution, SOFTWARE_NAME))
          .orElseGet(() -> register.save(new Software(null, string(execution, SOFTWARE_NAME), null, "institutional",
              false, null, null)))
          .id();
      execution.setVariable(SOFTWARE_ID, softwareId);
      execution.setVariable(IN_CATALOGUE, true);
    }
    String expiry = string(execution, LICENCE_EXPIRY);
    register.addLicences(softwareId, integer(execution, SEATS_PURCHASED),
        expiry == null ? null : LocalDate.parse(expiry.substring(0, 10)), string(execution, PROOF_REFERENCE));
    // the seat this case asked Finance for is held for it at once
    execution.setVariable(SEAT_RESERVED, register.reserveSeat(string(execution, CASE_NUMBER), softwareId));
  }
}
