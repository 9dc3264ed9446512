package org.mesadeayuda.email;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.ProcessVariables;

/** The variables of the email-account process (EM-1, EM-2) and the choices its forms offer. */
public final class EmailAccountVariables {

  public static final String PROCESS_KEY = "email-account";
  public static final String CASE_PREFIX = "COR";

  // the request (start form: the SUA for a creation, the reset format for a password)
  public static final String CASE_NUMBER = "caseNumber";
  public static final String REQUESTED_BY = "requestedBy";
  /** The person the request is for, when a support ticket started it (its requester's user id). */
  public static final String REQUESTER = "requester";
  public static final String REQUEST_TYPE = "requestType";
  public static final String REQUEST_TYPE_LABEL = "requestTypeLabel";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String REQUESTER_EMAIL = "requesterEmail";
  public static final String POSITION = "position";
  public static final String DEPARTMENT = "department";
  public static final String DEPARTMENT_NAME = "departmentName";
  /** The user id of the requester's immediate boss: for a password reset, the signer (EM-2). */
  public static final String IMMEDIATE_BOSS = "immediateBoss";
  /** The boss as people read her, "Nombre Apellido (usuario)", for the signature task's header. */
  public static final String IMMEDIATE_BOSS_NAME = "immediateBossName";
  public static final String REQUESTED_ACCOUNT = "requestedAccount";
  public static final String EXISTING_ACCOUNT = "existingAccount";
  public static final String JUSTIFICATION = "justification";
  /** The Camunda user who signs a password reset: the immediate boss the requester named (EM-2). */
  public static final String BOSS_USER = "bossUser";

  // the direction's authorization (EM-1) or the immediate boss's signature (EM-2)
  public static final String REQUEST_APPROVED = "requestApproved";
  public static final String REFUSAL_REASON = "refusalReason";
  public static final String DECIDED_BY = "decidedBy";

  // the ministry's service desk
  public static final String MINISTRY_TICKET_NUMBER = "ministryTicketNumber";
  public static final String MINISTRY_REPLY_DUE = "ministryReplyDue";
  /** When the daily check next reminds IT: the reply deadline first, then the same business days after each reminder. */
  public static final String NEXT_REMINDER_DUE = "nextReminderDue";
  public static final String MINISTRY_OUTCOME = "ministryOutcome";
  public static final String ACCOUNT_ADDRESS = "accountAddress";
  public static final String MINISTRY_ANSWER = "ministryAnswer";

  public static final String CREATION = "creation";
  public static final String PASSWORD_RESET = "password_reset";
  public static final String DONE = "done";
  public static final String REFUSED = "refused";

  static final Map<String, String> TYPES = Map.of(
      CREATION, "Creación de cuenta de correo electrónico",
      PASSWORD_RESET, "Reinicio de contraseña de correo electrónico");

  private EmailAccountVariables() {}

  public static String string(VariableScope scope, String name) {
    return ProcessVariables.string(scope, name);
  }

  public static boolean flag(VariableScope scope, String name) {
    return ProcessVariables.flag(scope, name);
  }
}
