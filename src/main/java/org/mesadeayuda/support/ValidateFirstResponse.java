package org.mesadeayuda.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete "Iniciar atención" without saying how the technician contacted the requester; records the
 * moment and the technician as the first response (SR-9).
 */
@Component("validateFirstResponse")
public class ValidateFirstResponse implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DeskAndRequesterInput.checkFirstResponse(task, ClockUtil.getCurrentTime());
  }
}
