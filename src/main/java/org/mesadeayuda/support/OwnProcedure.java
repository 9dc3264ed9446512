package org.mesadeayuda.support;

import java.util.Map;
import org.mesadeayuda.platform.Procedures;
import org.springframework.stereotype.Component;

/**
 * Which request types are handed to a procedure of their own (the call activities of the support request), when the
 * institution runs that procedure. Where its manual has no such procedure (e-mail accounts at INDUPAL, a password reset
 * at MINECO), the desk attends the type as an ordinary ticket. Decided as the ticket is registered and kept with it
 * (variable {@code ownProcedure}), so a later change of the profile does not reroute open tickets.
 */
@Component
public class OwnProcedure {

  private static final Map<String, String> PROCEDURE_OF_TYPE = Map.of(
      "equipment_failure", "equipment-failure",
      "software_installation", "software-installation",
      SupportRequestVariables.BACKUP, "information-backup",
      SupportRequestVariables.EMAIL_ACCOUNT, "email-account",
      SupportRequestVariables.PASSWORD_RESET, "email-account",
      SupportRequestVariables.REMOTE_ACCESS, "remote-access",
      "software_development", "specialised-request",
      "hardware_software_acquisition", "specialised-request",
      "application_adjustment", "specialised-request");

  private final Procedures procedures;

  public OwnProcedure(Procedures procedures) {
    this.procedures = procedures;
  }

  /** The process key that handles {@code requestType} at this institution, or null: the desk attends it. */
  public String of(String requestType) {
    String key = requestType == null ? null : PROCEDURE_OF_TYPE.get(requestType);
    return key != null && procedures.isActive(key) ? key : null;
  }

  /** Whether the institution's catalogue offers the type. */
  public boolean offered(String requestType) {
    return procedures.offers(requestType);
  }
}
