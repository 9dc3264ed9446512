package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.Signers;
import org.springframework.stereotype.Component;

/**
 * EM-2, 001 §4.4.2: the password-reset format is "firmado por el jefe inmediato". The signer is the boss the requester
 * names, a user of the system who heads people (a department head, an area director or the Technology Director), and
 * never the requester herself: not when she starts the request, not when the signature is given. A department head's
 * reset is signed by her own boss, not by the department's configured head.
 */
@Component
public class ImmediateBoss {

  private final Signers signers;

  public ImmediateBoss(Signers signers) {
    this.signers = signers;
  }

  /**
   * The user who signs the reset, as named in {@value EmailAccountVariables#IMMEDIATE_BOSS}; refuses (nothing is
   * created) a boss who is no user, heads nobody, or is the requester.
   */
  public User signerOf(VariableScope request) {
    String named = string(request, IMMEDIATE_BOSS);
    User boss = named == null ? null : user(named);
    if (boss == null) {
      throw refused(named == null
          ? "Indique el usuario de su jefe inmediato, que firma el reinicio de contraseña."
          : "«" + named + "» no es un usuario del sistema: indique el usuario de su jefe inmediato (por ejemplo, "
              + "julia.jefa), que firma el reinicio de contraseña.");
    }
    if (isRequester(request, boss)) {
      throw refused("No puede firmar su propio reinicio de contraseña: indique el usuario de su jefe inmediato.");
    }
    if (!signers.headsPeople(boss.getId())) {
      throw refused("«" + boss.getId() + "» no puede firmar el reinicio: el jefe inmediato debe ser jefe de "
          + "departamento, director de área o el Director de Tecnología.");
    }
    return boss;
  }

  /**
   * Whether this user is the person whose password is reset: the ticket's requester when the request came from a
   * support ticket, otherwise who started it, or the contact address the request gives.
   */
  public boolean isRequester(VariableScope request, User user) {
    String requester = string(request, REQUESTER) != null ? string(request, REQUESTER) : string(request, REQUESTED_BY);
    return Signers.isSamePerson(user, requester, string(request, REQUESTER_EMAIL));
  }

  public boolean isRequester(VariableScope request, String userId) {
    User user = userId == null ? null : user(userId);
    return user != null ? isRequester(request, user)
        : userId != null && (userId.equals(string(request, REQUESTER)) || userId.equals(string(request, REQUESTED_BY)));
  }

  private User user(String userId) {
    return signers.user(userId).orElse(null);
  }

  /** "Nombre Apellido (usuario)", for the task's header. */
  static String displayName(User user) {
    String name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }

  private static InvalidInputException refused(String message) {
    return new InvalidInputException(message, List.of(new FieldProblem(IMMEDIATE_BOSS, message)));
  }
}
