package org.mesadeayuda.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses to complete "Aplicar solución definitiva" without the work done, or a new future date to reschedule. */
@Component("validateDefinitiveSolution")
public class ValidateDefinitiveSolution implements TaskListener {

  private final AttentionInput input;

  public ValidateDefinitiveSolution(AttentionInput input) {
    this.input = input;
  }

  @Override
  public void notify(DelegateTask task) {
    input.checkDefinitiveSolution(task);
    DeskAndRequesterInput.keepCurrentTechnician(task);
  }
}
