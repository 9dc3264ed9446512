package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;

/**
 * Issues the work order's one-time identifier (RA-2, RA-5) and sends it once, by e-mail, to the person who will
 * connect: the technician, or the external company's person. The identifier goes into no variable and no log; the
 * register keeps only its hash.
 */
@Component("issueAccessIdentifier")
public class IssueAccessIdentifier implements JavaDelegate {

  private final AccessIdentifiers identifiers;
  private final RemoteAccessMails mails;
  private final IdentityService identityService;
  private final BusinessCalendar calendar;
  private final InstitutionProperties institution;

  public IssueAccessIdentifier(AccessIdentifiers identifiers, RemoteAccessMails mails, IdentityService identityService,
      BusinessCalendar calendar, InstitutionProperties institution) {
    this.identifiers = identifiers;
    this.mails = mails;
    this.identityService = identityService;
    this.calendar = calendar;
    this.institution = institution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the Director may have narrowed the window when authorizing
    normalizeWindow(execution, calendar.zone());
    boolean external = "external".equals(string(execution, ACCESS_KIND));
    RemoteAccessGrant grant = new RemoteAccessGrant(null, string(execution, WORK_ORDER),
        execution.getProcessInstanceId(), string(execution, ACCESS_KIND), string(execution, PURPOSE),
        string(execution, WORK_DESCRIPTION), string(execution, ASSET_TAG), string(execution, REQUESTED_BY),
        string(execution, STAFF_MEMBER), string(execution, TECHNICIAN), string(execution, EXTERNAL_COMPANY),
        string(execution, EXTERNAL_PERSON_NAME), string(execution, AUTHORIZED_BY),
        RemoteAccessVariables.moment(execution, WINDOW_START, calendar.zone()).toInstant(),
        RemoteAccessVariables.moment(execution, WINDOW_END, calendar.zone()).toInstant(), null, null, null, null,
        null, null, false, null);
    String identifier = identifiers.issue(grant);
    mails.send(external ? string(execution, EXTERNAL_PERSON_EMAIL) : technicianEmail(execution),
        "remote-access-identifier", execution, Map.of("identifier", identifier));
  }

  private String technicianEmail(DelegateExecution execution) {
    String technician = string(execution, TECHNICIAN);
    User user = technician == null ? null : identityService.createUserQuery().userId(technician).singleResult();
    return user != null && user.getEmail() != null ? user.getEmail() : institution.technologyHeadEmail();
  }
}
