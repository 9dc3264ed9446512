package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The work order is done: the remote program is closed and the identifier stops working (RA-3, RA-6). */
@Component("closeRemoteSession")
public class CloseRemoteSession implements JavaDelegate {

  private final AccessIdentifiers identifiers;

  public CloseRemoteSession(AccessIdentifiers identifiers) {
    this.identifiers = identifiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    identifiers.end(string(execution, WORK_ORDER), RemoteAccessGrant.CLOSED);
    // the report task (RA-6) says how the session ended
    execution.setVariable(SESSION_END, RemoteAccessGrant.CLOSED);
  }
}
