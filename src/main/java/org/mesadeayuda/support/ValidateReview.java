package org.mesadeayuda.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses to complete "Revisar y asignar técnico" without the resource check of 002 §3 (SR-3). */
@Component("validateReview")
public class ValidateReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DeskAndRequesterInput.checkReview(task);
  }
}
