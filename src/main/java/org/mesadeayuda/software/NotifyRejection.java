package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.RequesterLinks;
import org.springframework.stereotype.Component;

/**
 * A rejection always says why (SW-3: no unlicensed or prohibited software); the seat held for the refused request
 * goes back to its licence in the same step.
 */
@Component("notifyRejection")
public class NotifyRejection implements JavaDelegate {

  static final String NO_REASON_GIVEN = "La Dirección de Tecnología no aprobó la instalación.";

  private final Mailer mailer;
  private final LicenceRegister register;
  private final RequesterLinks links;

  public NotifyRejection(Mailer mailer, LicenceRegister register, RequesterLinks links) {
    this.mailer = mailer;
    this.register = register;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.releaseSeat(string(execution, CASE_NUMBER));
    Map<String, Object> values = NotifyInstallation.values(execution);
    if (values.get(REJECTION_REASON) == null) {
      values.put(REJECTION_REASON, NO_REASON_GIVEN);
    }
    links.addTo(values, execution);
    mailer.send(string(execution, REQUESTER_EMAIL), "software-rejected", values);
  }
}
