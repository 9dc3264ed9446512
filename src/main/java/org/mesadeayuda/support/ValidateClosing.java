package org.mesadeayuda.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses "Devolver al técnico" without its reason (SR-11); the task stays open. */
@Component("validateClosing")
public class ValidateClosing implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DeskAndRequesterInput.checkClosing(task);
  }
}
