package org.mesadeayuda.remoteaccess;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;

/** The area director vouched for the external request: the Technology Director is told by e-mail (RA-4). */
@Component("notifyTechnologyDirector")
public class NotifyTechnologyDirector implements JavaDelegate {

  private final RemoteAccessMails mails;
  private final InstitutionProperties institution;

  public NotifyTechnologyDirector(RemoteAccessMails mails, InstitutionProperties institution) {
    this.mails = mails;
    this.institution = institution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mails.send(institution.technologyHeadEmail(), "remote-access-authorization-request", execution,
        Map.of("tasklistUrl", institution.tasklistUrl()));
  }
}
