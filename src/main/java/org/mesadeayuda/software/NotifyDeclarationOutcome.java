package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareDeclarationVariables.*;
import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.RequesterLinks;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** Tells the declarant whether the software stays (registered) or was removed, and why. */
@Component("notifyDeclarationOutcome")
public class NotifyDeclarationOutcome implements JavaDelegate {

  private final Mailer mailer;
  private final RequesterLinks links;

  public NotifyDeclarationOutcome(Mailer mailer, RequesterLinks links) {
    this.mailer = mailer;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> values = NotifyInstallation.values(execution);
    values.put(INSTALLED_BY_NAME, string(execution, INSTALLED_BY_NAME));
    boolean accepted = ProcessVariables.flag(execution, DECLARATION_ACCEPTED);
    if (!accepted && values.get(REJECTION_REASON) == null) {
      values.put(REJECTION_REASON, NotifyRejection.NO_REASON_GIVEN);
    }
    links.addTo(values, execution);
    mailer.send(string(execution, REQUESTER_EMAIL),
        accepted ? "software-declaration-accepted" : "software-declaration-refused", values);
  }
}
