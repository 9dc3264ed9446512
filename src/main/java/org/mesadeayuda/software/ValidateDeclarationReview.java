package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareDeclarationVariables.*;
import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * What the Technology Director accepts into the register must have its licence of use ("El software instalado debe
 * tener su licencia de uso", 000 procedimiento 3), whatever client completes the review: accepting needs the licence
 * evidence (its kind; for free software the licence's name; otherwise the licence number, key reference or proof, and
 * its holder). Prohibited software cannot be accepted whatever licence the user shows (SW-3). Refusing needs the
 * reason the declarant is told, and no evidence.
 */
@Component("validateDeclarationReview")
public class ValidateDeclarationReview implements TaskListener {

  static final Map<String, String> EVIDENCE_TYPES = Map.of(
      LicenceRegister.FREE_EVIDENCE, "software libre",
      "comercial", "licencia comercial (perpetua)",
      "suscripcion", "suscripción",
      "oem", "licencia OEM (incluida con el equipo)");
  static final int MAX_LENGTH = 200;

  @Override
  public void notify(DelegateTask task) {
    if (!ProcessVariables.flag(task, DECLARATION_ACCEPTED)) {
      if (string(task, REJECTION_REASON) == null) {
        throw new InvalidInputException("Indique el motivo del rechazo: se envía al declarante.");
      }
      return;
    }
    if (Software.PROHIBITED.equals(string(task, LICENCE_TYPE))) {
      throw new InvalidInputException("Este software está prohibido en la institución: no se puede aceptar; "
          + "debe desinstalarse.");
    }
    List<FieldProblem> problems = new ArrayList<>();
    String type = string(task, LICENCE_EVIDENCE_TYPE);
    if (type == null || !EVIDENCE_TYPES.containsKey(type)) {
      problems.add(new FieldProblem(LICENCE_EVIDENCE_TYPE, "Elija el tipo de licencia que ampara la instalación ("
          + String.join(", ", EVIDENCE_TYPES.values()) + ")."));
    } else if (LicenceRegister.FREE_EVIDENCE.equals(type)) {
      if (string(task, LICENCE_NAME) == null) {
        problems.add(new FieldProblem(LICENCE_NAME, "Indique el nombre de la licencia libre (por ejemplo GPL-3.0 o "
            + "MIT)."));
      }
      String catalogueType = string(task, LICENCE_TYPE);
      if (catalogueType != null && !Software.FREE.equals(catalogueType)) {
        problems.add(new FieldProblem(LICENCE_EVIDENCE_TYPE, "El catálogo registra este software con licencia "
            + catalogueType + ": no es software libre; indique la licencia comercial que lo ampara."));
      }
    } else {
      if (string(task, LICENCE_REFERENCE) == null) {
        problems.add(new FieldProblem(LICENCE_REFERENCE, "Indique el número de licencia, la referencia de la clave o "
            + "el comprobante de la licencia."));
      }
      if (string(task, LICENCE_HOLDER) == null) {
        problems.add(new FieldProblem(LICENCE_HOLDER, "Indique el titular de la licencia."));
      }
    }
    for (String field : List.of(LICENCE_REFERENCE, LICENCE_HOLDER, LICENCE_NAME)) {
      String value = string(task, field);
      if (value != null && value.length() > MAX_LENGTH) {
        problems.add(new FieldProblem(field, "admite hasta " + MAX_LENGTH + " caracteres"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("No se puede aceptar sin la licencia de uso: " + String.join(" ",
          problems.stream().map(FieldProblem::reason).toList()), problems);
    }
  }
}
