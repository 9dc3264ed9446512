package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The Technology Director's account of pursuing a lessor that refused the claim must say what was done and how it
 * ended, whatever client completes the task: a leased unit is never repaired in-house nor replaced from the
 * institution's spares (000 procedimiento 2 applies those only to equipment "propiedad de la Dinacopa").
 */
@Component("validateLessorPursuit")
public class ValidateLessorPursuit implements TaskListener {

  static final Set<String> OUTCOMES = Set.of("lessor_repaired", "lessor_replaced", "lessor_contract_action");

  @Override
  public void notify(DelegateTask task) {
    List<FieldProblem> problems = new ArrayList<>();
    if (string(task, LESSOR_ACTIONS) == null) {
      problems.add(new FieldProblem(LESSOR_ACTIONS, "Describa las gestiones realizadas ante el arrendador."));
    }
    String outcome = string(task, LESSOR_OUTCOME);
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      problems.add(new FieldProblem(LESSOR_OUTCOME, "Elija el resultado de la gestión: el arrendador reparó el "
          + "equipo, lo reemplazó, o se inicia una acción según el contrato."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(String.join(" ", problems.stream().map(FieldProblem::reason).toList()),
          problems);
    }
    // who pursued the lessor, as the server authenticated her: written with the outcome in the unit's history
    task.setVariable(LESSOR_PURSUED_BY, ProcessVariables.actor(task));
  }
}
