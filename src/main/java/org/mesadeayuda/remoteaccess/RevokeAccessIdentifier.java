package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;

/** The staff member saw the work depart from the work order: the identifier is revoked at once (RA-5). */
@Component("revokeAccessIdentifier")
public class RevokeAccessIdentifier implements JavaDelegate {

  private final AccessIdentifiers identifiers;
  private final RemoteAccessMails mails;
  private final InstitutionProperties institution;

  public RevokeAccessIdentifier(AccessIdentifiers identifiers, RemoteAccessMails mails,
      InstitutionProperties institution) {
    this.identifiers = identifiers;
    this.mails = mails;
    this.institution = institution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    identifiers.end(string(execution, WORK_ORDER), RemoteAccessGrant.REVOKED);
    // the report task (RA-6) says how the session ended
    execution.setVariable(SESSION_END, RemoteAccessGrant.REVOKED);
    mails.send(institution.technologyHeadEmail(), "remote-access-alert", execution,
        Map.of("sessionNotes", String.valueOf(execution.getVariable(SESSION_NOTES) == null ? ""
            : execution.getVariable(SESSION_NOTES))));
  }
}
