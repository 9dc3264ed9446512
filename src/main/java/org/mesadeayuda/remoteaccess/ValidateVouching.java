package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * RA-4: the area director vouches for an external party only after she "deberá asegurarse que exista una relación de
 * dependencia con la institución, y confirmar la identidad del usuario solicitante" (000, procedimiento 6, 1.a). The
 * form shows the vouch only when both are ticked; this listener makes the same rule hold for a completion through REST
 * (and a refusal without the reason the requester will read is refused too). The task stays open.
 */
@Component("validateVouching")
public class ValidateVouching implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean vouched = ProcessVariables.flag(task, VOUCHED);
    if (vouched) {
      List<FieldProblem> missing = new ArrayList<>();
      if (!ProcessVariables.flag(task, RELATIONSHIP_VERIFIED)) {
        missing.add(new FieldProblem(RELATIONSHIP_VERIFIED,
            "confirme que existe una relación de dependencia con la institución"));
      }
      if (!ProcessVariables.flag(task, IDENTITY_CONFIRMED)) {
        missing.add(new FieldProblem(IDENTITY_CONFIRMED, "confirme la identidad de la persona que se conecta"));
      }
      if (!missing.isEmpty()) {
        throw new InvalidInputException("No puede avalar el acceso externo sin las dos verificaciones: "
            + String.join(" y ", missing.stream().map(FieldProblem::reason).toList())
            + ". Si no puede hacerlas, no lo avale e indique el motivo.", missing);
      }
    } else if (string(task, REFUSAL_REASON) == null) {
      throw new InvalidInputException("Indique el motivo por el que no avala el acceso externo; se envía a quien lo "
          + "pidió.", List.of(new FieldProblem(REFUSAL_REASON, "es obligatorio si no avala el acceso")));
    }
    // the gateway reads a boolean even when the form left the vouch out (hidden until both checks are ticked)
    task.setVariable(VOUCHED, vouched);
  }
}
