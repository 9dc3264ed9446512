package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.Directory;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete "Revisar y asignar técnico" without the resource check of 002 §3 (SR-3), or with a technician
 * the identity does not know (issue 16), with a message naming her.
 */
@Component("validateReview")
public class ValidateReview implements TaskListener {

  private final Directory directory;

  public ValidateReview(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    DeskAndRequesterInput.checkReview(task);
    String technician = string(task, TECHNICIAN);
    if (technician == null) {
      return;
    }
    if (!directory.exists(technician)) {
      String message = "«" + technician + "» no es un usuario del sistema: elija al técnico de la lista.";
      throw new InvalidInputException(message, List.of(new FieldProblem(TECHNICIAN, message)));
    }
    // which of the offered people (desk, technicians, Technology Directorate) fits the type is the desk's call: a
    // type handled by its own procedure names a technician who does not work in that group
  }
}
