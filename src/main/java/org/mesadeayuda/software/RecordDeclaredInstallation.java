package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareDeclarationVariables.*;
import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Directorate accepted the declaration: the installation enters the register as declared, with the licence
 * evidence the Director accepted (SW-3).
 */
@Component("recordDeclaredInstallation")
public class RecordDeclaredInstallation implements JavaDelegate {

  private final LicenceRegister register;

  public RecordDeclaredInstallation(LicenceRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Installation.LicenceEvidence evidence = new Installation.LicenceEvidence(
        string(execution, LICENCE_EVIDENCE_TYPE), string(execution, LICENCE_REFERENCE),
        string(execution, LICENCE_HOLDER), string(execution, LICENCE_NAME));
    register.recordDeclared(string(execution, CASE_NUMBER), string(execution, ASSET_TAG),
            string(execution, SOFTWARE_NAME), string(execution, SOFTWARE_VERSION), string(execution, INSTALLED_BY_NAME),
            evidence)
        .orElseThrow(() -> new IllegalStateException("prohibited software cannot be recorded as installed"));
  }
}
