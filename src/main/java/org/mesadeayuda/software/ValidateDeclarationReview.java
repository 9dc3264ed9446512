package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareDeclarationVariables.*;
import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** Prohibited software cannot be accepted, whatever licence the user shows (SW-3). */
@Component("validateDeclarationReview")
public class ValidateDeclarationReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (ProcessVariables.flag(task, DECLARATION_ACCEPTED) && Software.PROHIBITED.equals(string(task, LICENCE_TYPE))) {
      throw new InvalidInputException("Este software está prohibido en la institución: no se puede aceptar; "
          + "debe desinstalarse.");
    }
  }
}
