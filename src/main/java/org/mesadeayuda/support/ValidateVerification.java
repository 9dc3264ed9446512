package org.mesadeayuda.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses the requester's answer without the verification, the rating of a verified solution or the reason of a
 * rejected one (SR-11, SR-12).
 */
@Component("validateVerification")
public class ValidateVerification implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DeskAndRequesterInput.checkVerification(task);
  }
}
