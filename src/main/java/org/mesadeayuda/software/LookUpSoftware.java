package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives the approval table the catalogue's facts: licence type, pre-approval, free seats (SW-2, SW-3). */
@Component("lookUpSoftware")
public class LookUpSoftware implements JavaDelegate {

  private final LicenceRegister register;

  public LookUpSoftware(LicenceRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Software> entry = register.find(string(execution, SOFTWARE_NAME));
    execution.setVariable(IN_CATALOGUE, entry.isPresent());
    execution.setVariable(SOFTWARE_ID, entry.map(Software::id).orElse(null));
    execution.setVariable(LICENCE_TYPE, entry.map(Software::licenceType).orElse(null));
    execution.setVariable(PRE_APPROVED, entry.map(Software::preApproved).orElse(false));
    int freeSeats = entry.map(software -> register.freeSeats(software.id())).orElse(0);
    execution.setVariable(FREE_SEATS, freeSeats);
    execution.setVariable(LICENCE_SUMMARY, entry.map(software -> summary(software, freeSeats))
        .orElse("No está en el catálogo de licencias"));
    entry.filter(software -> Software.PROHIBITED.equals(software.licenceType()))
        .ifPresent(software -> execution.setVariable(REJECTION_REASON,
            "El software está prohibido en la institución: " + software.prohibitedReason()));
  }

  static String summary(Software software, int freeSeats) {
    return switch (software.licenceType()) {
      case Software.FREE -> "Software libre: no requiere licencia";
      case Software.PROHIBITED -> "Prohibido: " + software.prohibitedReason();
      default -> "Licencia " + software.licenceType() + ": " + freeSeats + " libre(s)"
          + (software.preApproved() ? ", preaprobado" : "");
    };
  }
}
