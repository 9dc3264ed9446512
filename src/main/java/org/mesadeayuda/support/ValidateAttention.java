package org.mesadeayuda.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses to complete "Atender solicitud" when the chosen outcome lacks what it needs (SR-7, SR-10, SR-8). */
@Component("validateAttention")
public class ValidateAttention implements TaskListener {

  private final AttentionInput input;

  public ValidateAttention(AttentionInput input) {
    this.input = input;
  }

  @Override
  public void notify(DelegateTask task) {
    input.checkAttention(task);
    DeskAndRequesterInput.keepCurrentTechnician(task);
  }
}
