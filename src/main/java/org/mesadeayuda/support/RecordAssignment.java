package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the desk's review: the confirmed or corrected type and priority, the technician and support level, and that
 * people and technical resources are available (SR-3, SR-4; 002 §3). The review is not the first response: that is the
 * technician starting attention (SR-9, {@link RecordFirstResponse}); the register keeps the review's moment apart
 * (assigned_at). A corrected type is classified again by the same decision table, so the work goes to the right group.
 */
@Component("recordAssignment")
public class RecordAssignment implements JavaDelegate {

  private final TicketRegister register;
  private final DecisionService decisions;

  public RecordAssignment(TicketRegister register, DecisionService decisions) {
    this.register = register;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestType = string(execution, REQUEST_TYPE);
    // one read of the register row: the type it holds says whether the desk corrected the classification
    register.update(ticketNumber(execution), ticket -> {
      if (!requestType.equals(ticket.getRequestType())) {
        DmnDecisionRuleResult classification = decisions
            .evaluateDecisionTableByKey("request-classification", Map.of(REQUEST_TYPE, requestType))
            .getSingleResult();
        execution.setVariable(HANDLING_GROUP, classification.getEntry(HANDLING_GROUP));
        execution.setVariable(SERVICE_CATALOG_ENTRY, classification.getEntry(SERVICE_CATALOG_ENTRY));
      }
      ticket.setRequestType(requestType);
      ticket.setHandlingGroup(string(execution, HANDLING_GROUP));
      ticket.setServiceCatalogEntry(string(execution, SERVICE_CATALOG_ENTRY));
      ticket.setPriority(string(execution, PRIORITY));
      ticket.setTechnician(string(execution, TECHNICIAN));
      ticket.setSupportLevel(integer(execution, SUPPORT_LEVEL));
      ticket.setAssignedAt(TicketRegister.now());
      ticket.setResourcesAvailable(true);
      ticket.setResourcesMissing(null);
      ticket.setResourcesCheckedAt(TicketRegister.now());
      ticket.setResourcesCheckedBy(string(execution, REVIEWED_BY));
    });
  }
}
