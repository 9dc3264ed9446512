package org.mesadeayuda.platform;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Input a form's own validation cannot check (a field required only for one choice, a date that must be in the
 * future). Thrown by a task listener on complete, it rolls the completion back: Tasklist shows the message, the task
 * and what was typed stay.
 */
public class InvalidInputException extends ProcessEngineException {

  public InvalidInputException(String message) {
    super(message);
  }
}
