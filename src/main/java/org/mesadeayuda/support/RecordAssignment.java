package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.time.Instant;
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
    String ticketNumber = ticketNumber(execution);
    // the type the register holds says whether the desk corrected the classification: written in one statement
    // when it did not (the usual case), classified again when it did
    if (!register.setIf(ticketNumber, "request_type", requestType, review(execution))) {
      DmnDecisionRuleResult classification = decisions
          .evaluateDecisionTableByKey("request-classification", Map.of(REQUEST_TYPE, requestType))
          .getSingleResult();
      execution.setVariable(HANDLING_GROUP, classification.getEntry(HANDLING_GROUP));
      execution.setVariable(SERVICE_CATALOG_ENTRY, classification.getEntry(SERVICE_CATALOG_ENTRY));
      Map<String, Object> review = review(execution);
      review.put("request_type", requestType);
      register.set(ticketNumber, review);
    }
  }

  private static Map<String, Object> review(DelegateExecution execution) {
    Instant now = TicketRegister.now();
    return TicketRegister.columns("handling_group", string(execution, HANDLING_GROUP),
        "service_catalog_entry", string(execution, SERVICE_CATALOG_ENTRY),
        "priority", string(execution, PRIORITY),
        "technician", string(execution, TECHNICIAN),
        "support_level", integer(execution, SUPPORT_LEVEL),
        "assigned_at", now,
        "resources_available", true,
        "resources_missing", null,
        "resources_checked_at", now,
        "resources_checked_by", string(execution, REVIEWED_BY));
  }
}
