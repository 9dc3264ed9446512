package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/** The Planilla de Diagnóstico must say what was found and, when parts are missing, which and at what cost (EF-3). */
@Component("validateDiagnosis")
public class ValidateDiagnosis implements TaskListener {

  static final Set<String> RESULTS = Set.of("repair_in_stock", "parts_missing", "permanent_failure");

  @Override
  public void notify(DelegateTask task) {
    if (string(task, FINDINGS) == null) {
      throw new InvalidInputException("Describa los hallazgos del diagnóstico.");
    }
    String result = string(task, DIAGNOSIS_RESULT);
    if (result == null || !RESULTS.contains(result)) {
      throw new InvalidInputException("Elija el resultado del diagnóstico.");
    }
    if ("parts_missing".equals(result)) {
      if (string(task, PARTS_NEEDED) == null) {
        throw new InvalidInputException("Indique las partes necesarias para el memorando a Finanzas.");
      }
      Object cost = task.getVariable(ESTIMATED_COST);
      if (!(cost instanceof Number number) || number.doubleValue() < 0) {
        throw new InvalidInputException("Indique el costo estimado de las partes (0 o más).");
      }
    }
  }
}
