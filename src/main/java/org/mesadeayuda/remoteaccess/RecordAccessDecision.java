package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * RA-1, RA-4: who vouched for, confirmed or authorized the access, as the server authenticated her when she completed
 * the task (never a variable sent with the completion). The authorizer goes to the remote-access register.
 */
@Component("recordAccessDecision")
public class RecordAccessDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String decider = ProcessVariables.actor(task);
    if ("Task_VouchExternal".equals(task.getTaskDefinitionKey())) {
      task.setVariable(VOUCHED_BY, decider);
    } else {
      task.setVariable(AUTHORIZED_BY, decider);
    }
  }
}
