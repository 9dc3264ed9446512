package org.mesadeayuda.software;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * A product that is prohibited or not in the software catalogue is refused where the requester types its name, before
 * anything starts (issue 16): the software-installation start form and a support ticket of type "Instalación de
 * software". The start form shows the catalogue (/mesa/software) beside the field. Later checks stay as they were:
 * a ticket the desk reclassifies, or a catalogue changed while a case waits, still meet the approval table's
 * rules for prohibited and unknown software (SW-2, SW-3).
 */
@Component("checkSoftwareCatalogue")
public class CheckSoftwareCatalogue implements ExecutionListener {

  static final String SOFTWARE_NAME = "softwareName";
  static final String REQUEST_TYPE = "requestType";
  static final String SOFTWARE_INSTALLATION = "software_installation";

  private final LicenceRegister register;

  public CheckSoftwareCatalogue(LicenceRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getProcessInstance().getSuperExecution() != null) {
      return; // fed by its calling ticket, which was checked as it started
    }
    Object requestType = execution.getVariable(REQUEST_TYPE);
    if (requestType != null && !SOFTWARE_INSTALLATION.equals(requestType)) {
      return; // a support ticket of another type names no software
    }
    String name = ProcessVariables.string(execution, SOFTWARE_NAME);
    if (name == null || name.isBlank()) {
      return; // the form's own rules say it is required
    }
    refusal(name, register.find(name)).ifPresent(reason -> {
      throw new InvalidInputException(reason, List.of(new FieldProblem(SOFTWARE_NAME, reason)));
    });
  }

  /** Why a product may not be asked for, if it may not. */
  static Optional<String> refusal(String name, Optional<Software> entry) {
    if (entry.isEmpty()) {
      return Optional.of("«" + name.trim() + "» no está en el catálogo de software de la institución. Escriba el "
          + "nombre como aparece en el catálogo (enlace junto al campo); para un programa nuevo, pida su adquisición "
          + "con una solicitud de soporte de tipo «Adquisición de hardware y software».");
    }
    Software software = entry.get();
    if (Software.PROHIBITED.equals(software.licenceType())) {
      return Optional.of("«" + software.name() + "» está prohibido en la institución"
          + (software.prohibitedReason() == null || software.prohibitedReason().isBlank() ? ""
              : ": " + software.prohibitedReason()) + ". No se instala.");
    }
    return Optional.empty();
  }
}
