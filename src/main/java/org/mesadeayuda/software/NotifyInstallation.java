package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.RequesterLinks;
import org.springframework.stereotype.Component;

/** Tells the requester the software is installed, under which licence. */
@Component("notifyInstallation")
public class NotifyInstallation implements JavaDelegate {

  private final Mailer mailer;
  private final RequesterLinks links;

  public NotifyInstallation(Mailer mailer, RequesterLinks links) {
    this.mailer = mailer;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> values = values(execution);
    links.addTo(values, execution);
    mailer.send(string(execution, REQUESTER_EMAIL), "software-installed", values);
  }

  static Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (String name : new String[] {CASE_NUMBER, REQUESTER_NAME, SOFTWARE_NAME, SOFTWARE_VERSION, ASSET_TAG,
        INSTALLED_VERSION, INSTALLED_BY, LICENCE_SUMMARY, APPROVAL_LABEL, REJECTION_REASON}) {
      values.put(name, string(execution, name));
    }
    return values;
  }
}
