package org.mesadeayuda.platform;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The link every procedure's e-mail to a requester carries to her case in "Mis solicitudes" (issue 17): the value
 * {@code requestUrl} of the mail templates ({@code {{#requestUrl}}...{{/requestUrl}}}). The case is the one the
 * portal lists: the root case's number, so an equipment case opened from a ticket links to the ticket. Nothing when
 * no portal is installed, so procedures never depend on it.
 */
@Component
public class RequesterLinks {

  /** The templates' value. */
  public static final String REQUEST_URL = "requestUrl";

  private final ObjectProvider<PortalLinks> portal;

  public RequesterLinks(ObjectProvider<PortalLinks> portal) {
    this.portal = portal;
  }

  /** {@code requestUrl} of the execution's case, or nothing. */
  public Map<String, Object> of(DelegateExecution execution) {
    PortalLinks links = portal.getIfAvailable();
    String caseNumber = links == null ? null : rootCaseNumber(execution);
    return caseNumber == null ? Map.of() : Map.of(REQUEST_URL, links.request(caseNumber));
  }

  /** The same, put into an e-mail's values. */
  public void addTo(Map<String, Object> values, DelegateExecution execution) {
    values.putAll(of(execution));
  }

  /** The business key of the case the execution belongs to, walking up from a called process to its root. */
  static String rootCaseNumber(DelegateExecution execution) {
    if (!(execution instanceof ExecutionEntity entity)) {
      return execution.getProcessBusinessKey();
    }
    ExecutionEntity instance = entity.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance.getBusinessKey();
  }
}
