package org.mesadeayuda.support;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.ProcessVariables;

/**
 * The variables of the support-request process, named once. Form field keys and DMN inputs/outputs use the same
 * names (see forms/support-request/ and processes/request-*.dmn).
 */
public final class SupportRequestVariables {

  public static final String PROCESS_KEY = "support-request";
  public static final String TICKET_PREFIX = "SOP";

  // intake (start form / REST)
  public static final String TICKET_NUMBER = "ticketNumber";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String REQUESTER = "requester";
  public static final String REQUESTER_EMAIL = "requesterEmail";
  public static final String REQUESTER_PHONE = "requesterPhone";
  public static final String DEPARTMENT = "department";
  public static final String CHANNEL = "channel";
  public static final String REQUEST_TYPE = "requestType";
  public static final String DESCRIPTION = "description";
  public static final String ASSET_TAG = "assetTag";
  public static final String SOFTWARE_NAME = "softwareName";
  public static final String SOFTWARE_VERSION = "softwareVersion";
  public static final String IMPACT = "impact";
  public static final String URGENCY = "urgency";
  public static final String REGISTERED_BY = "registeredBy";
  public static final String OPENED_AT = "openedAt";

  // decisions
  public static final String HANDLING_GROUP = "handlingGroup";
  public static final String SERVICE_CATALOG_ENTRY = "serviceCatalogEntry";
  public static final String PRIORITY = "priority";
  public static final String FIRST_RESPONSE_HOURS = "firstResponseHours";
  public static final String RESOLUTION_DAYS = "resolutionDays";
  public static final String TASK_PRIORITY = "taskPriority";

  // deadlines and SLA
  public static final String FIRST_RESPONSE_DUE = "firstResponseDue";
  public static final String FIRST_RESPONSE_AT = "firstResponseAt";
  public static final String RESOLUTION_DUE = "resolutionDue";
  public static final String RESOLVED = "resolved";
  public static final String SLA_STATUS = "slaStatus";

  // desk review
  public static final String TECHNICIAN = "technician";
  public static final String SUPPORT_LEVEL = "supportLevel";
  public static final String REVIEW_COMMENT = "reviewComment";
  /** SR-3 (002 §3): "yes" when people and technical resources are available to attend, "no" with what is missing. */
  public static final String RESOURCES_AVAILABLE = "resourcesAvailable";
  public static final String MISSING_RESOURCES = "missingResources";
  /** Who completed the desk's review (the authenticated user, else nobody known). */
  public static final String REVIEWED_BY = "reviewedBy";

  // first response (SR-9): the technician starts attention
  public static final String FIRST_CONTACT_CHANNEL = "firstContactChannel";
  public static final String FIRST_RESPONSE_MESSAGE = "firstResponseMessage";
  public static final String FIRST_RESPONSE_BY = "firstResponseBy";

  // attention
  public static final String ATTENTION_MODE = "attentionMode";
  public static final String WORK_DONE = "workDone";
  public static final String OUTCOME = "outcome";
  public static final String DEFINITIVE_SOLUTION_AT = "definitiveSolutionAt";
  public static final String DEFINITIVE_SOLUTION_DUE = "definitiveSolutionDue";
  public static final String DEFINITIVE_OUTCOME = "definitiveOutcome";
  public static final String ESCALATION_REASON = "escalationReason";
  public static final String REQUESTED_LEVEL = "requestedLevel";
  public static final String EXTENSION_CAUSE = "extensionCause";
  public static final String EXTENSION_DAYS = "extensionDays";
  public static final String TECHNICAL_REPORT = "technicalReport";
  public static final String EXEMPTION_REASON = "exemptionReason";
  public static final String EXEMPTION_DETAIL = "exemptionDetail";

  // own procedure (a type with its own process: called with the ticket's number, see processes/support-request.bpmn)
  /**
   * The process key of the procedure that takes the ticket at this institution ({@link OwnProcedure}), null when the
   * desk attends it; set as the ticket starts and again when the desk's review changes its type.
   */
  public static final String OWN_PROCEDURE = "ownProcedure";
  public static final String PROCEDURE_OUTCOME = "procedureOutcome";
  public static final String PROCEDURE_SUMMARY = "procedureSummary";
  public static final String BACKUP = "backup";
  public static final String EMAIL_ACCOUNT = "email_account";
  public static final String PASSWORD_RESET = "password_reset";
  public static final String REMOTE_ACCESS = "remote_access";

  // closing and rating
  public static final String CLOSING_DECISION = "closingDecision";
  public static final String DESK_COMMENT = "deskComment";
  public static final String SATISFACTION = "satisfaction";
  public static final String RATING_COMMENT = "ratingComment";
  /** SR-11: the requester's verification of the solution, "yes" or "no" (with {@link #VERIFICATION_REASON}). */
  public static final String SOLUTION_VERIFIED = "solutionVerified";
  public static final String VERIFICATION_REASON = "verificationReason";
  /** Who sent the ticket back to the technician ("desk" or "requester") and why: the technician reads it. */
  public static final String REOPENED_BY = "reopenedBy";
  public static final String REOPEN_REASON = "reopenReason";

  /** SLA states of a ticket (SR-8). */
  public static final String SLA_ON_TIME = "on_time";
  public static final String SLA_CONFORMING = "conforming";
  public static final String SLA_NON_CONFORMING = "non_conforming";
  public static final String SLA_EXEMPT = "exempt";

  /** How the requester's verification is recorded in the register (SR-11, SR-12). */
  public static final String VERIFICATION_CONFIRMED = "confirmed";
  public static final String VERIFICATION_TACIT = "tacit";
  public static final String VERIFICATION_REJECTED = "rejected";

  /** Recorded when the requester does not rate within the time limit (SR-12). */
  public static final String NO_ANSWER = "sin_respuesta";

  private SupportRequestVariables() {}

  public static String string(VariableScope scope, String name) {
    return ProcessVariables.string(scope, name);
  }

  public static Integer integer(VariableScope scope, String name) {
    return ProcessVariables.integer(scope, name);
  }

  public static Date date(VariableScope scope, String name) {
    return ProcessVariables.date(scope, name);
  }

  public static String ticketNumber(VariableScope scope) {
    return string(scope, TICKET_NUMBER);
  }
}
