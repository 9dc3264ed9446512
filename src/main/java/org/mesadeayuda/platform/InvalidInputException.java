package org.mesadeayuda.platform;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Input a form's own validation cannot check (a field required only for one choice, a date that must be in the
 * future). Thrown by a task listener on complete, it rolls the completion back: Tasklist shows the message, the task
 * and what was typed stay. Thrown as a process starts, nothing is created; the engine REST API answers 400
 * ({@link EngineRestErrors}) and our own APIs 400 with each field ({@link ApiErrors}).
 */
public class InvalidInputException extends ProcessEngineException {

  private final List<FieldProblem> problems;

  public InvalidInputException(String message) {
    super(message);
    this.problems = List.of(new FieldProblem(null, message));
  }

  /** Several refused fields at once; the message names them for a person, {@link #problems()} for a program. */
  public InvalidInputException(String message, List<FieldProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
