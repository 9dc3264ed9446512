package org.mesadeayuda.specialised;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.ProcessVariables;

/** The variables of the specialised-request process (002 §4.2) and the choices its forms offer. */
public final class SpecialisedRequestVariables {

  public static final String PROCESS_KEY = "specialised-request";
  public static final String CASE_PREFIX = "ESP";

  // the request (start form, or the support ticket's call activity: COMMON "Called-procedure contract")
  public static final String CASE_NUMBER = "caseNumber";
  public static final String TICKET_NUMBER = "ticketNumber";
  public static final String REQUESTER = "requester";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String REQUESTER_EMAIL = "requesterEmail";
  public static final String DEPARTMENT = "department";
  public static final String DESCRIPTION = "description";
  public static final String JUSTIFICATION = "justification";
  public static final String REQUEST_TYPE = "requestType";
  public static final String PROPOSED_KIND = "proposedKind";

  // classification
  public static final String REQUEST_KIND = "requestKind";
  public static final String REQUEST_KIND_LABEL = "requestKindLabel";
  public static final String CLASSIFICATION_NOTES = "classificationNotes";

  // the Technology Director's decision
  public static final String DECISION = "decision";
  public static final String REFUSAL_REASON = "refusalReason";
  public static final String INFORMATION_QUESTION = "informationQuestion";
  public static final String ADDITIONAL_INFORMATION = "additionalInformation";

  // the plan (002 §3)
  public static final String TECHNICIAN = "technician";
  public static final String HUMAN_RESOURCES_CHECKED = "humanResourcesChecked";
  public static final String TECHNICAL_RESOURCES_CHECKED = "technicalResourcesChecked";
  public static final String RESOURCES_DETAIL = "resourcesDetail";
  public static final String PLANNED_START = "plannedStart";
  public static final String PLANNED_END = "plannedEnd";
  public static final String PLANNED_END_DUE = "plannedEndDue";
  public static final String PLANNED_START_LABEL = "plannedStartLabel";
  public static final String PLANNED_END_LABEL = "plannedEndLabel";

  // the delivery
  public static final String DELIVERY_SUMMARY = "deliverySummary";

  public static final String APPROVE = "approve";
  public static final String REFUSE = "refuse";
  public static final String MORE_INFORMATION = "more_information";

  /** The three specialised instructions of 002 §4.2. */
  static final Map<String, String> KINDS = orderedMap(
      "development", "Desarrollo de software",
      "acquisition", "Adquisición de hardware y software",
      "adjustment", "Ajuste a una aplicación existente");

  /**
   * The support-request types (request-classification.dmn) that are specialised requests, and the kind each one
   * proposes to the classification.
   */
  static final Map<String, String> KIND_OF_REQUEST_TYPE = Map.of(
      "software_development", "development",
      "hardware_software_acquisition", "acquisition",
      "application_adjustment", "adjustment");

  private SpecialisedRequestVariables() {}

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Map.copyOf(map);
  }

  public static String string(VariableScope scope, String name) {
    return ProcessVariables.string(scope, name);
  }

  public static boolean flag(VariableScope scope, String name) {
    return ProcessVariables.flag(scope, name);
  }
}
