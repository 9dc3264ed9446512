package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The authorized window passed without the work being closed: the identifier stops working (RA-5). */
@Component("expireAccessIdentifier")
public class ExpireAccessIdentifier implements JavaDelegate {

  private final AccessIdentifiers identifiers;

  public ExpireAccessIdentifier(AccessIdentifiers identifiers) {
    this.identifiers = identifiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    identifiers.end(string(execution, WORK_ORDER), RemoteAccessGrant.EXPIRED);
    // the report task (RA-6) says how the session ended
    execution.setVariable(SESSION_END, RemoteAccessGrant.EXPIRED);
  }
}
