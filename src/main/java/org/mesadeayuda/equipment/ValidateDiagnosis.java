package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The Planilla de Diagnóstico must say what was found and, when parts are missing, which and at what cost (EF-3); a
 * permanent failure needs the estimated cost of a similar unit, because the memo to Finance details the costs on every
 * path ("detallando los costos a incurrir", 000 procedimiento 2), also when no spare is left and a unit is bought.
 */
@Component("validateDiagnosis")
public class ValidateDiagnosis implements TaskListener {

  static final Set<String> RESULTS = Set.of("repair_in_stock", "parts_missing", "permanent_failure");

  static boolean validCost(Object cost) {
    return cost instanceof Number number && number.doubleValue() >= 0;
  }

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
      if (!validCost(task.getVariable(ESTIMATED_COST))) {
        throw new InvalidInputException("Indique el costo estimado de las partes (0 o más).");
      }
    }
    if ("permanent_failure".equals(result) && !validCost(task.getVariable(ESTIMATED_COST))) {
      throw new InvalidInputException("Indique el costo estimado de un equipo de características similares (0 o "
          + "más): el memorando a Finanzas lo detalla si hay que comprarlo.");
    }
  }
}
