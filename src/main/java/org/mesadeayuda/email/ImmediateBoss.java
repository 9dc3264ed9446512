package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.Role;
import org.springframework.stereotype.Component;

/**
 * EM-2, 001 §4.4.2: the password-reset format is "firmado por el jefe inmediato". The signer is the boss the requester
 * names, a user of the system who heads people (a department head, an area director or the Technology Director), and
 * never the requester herself: not when she starts the request, not when the signature is given. A department head's
 * reset is signed by her own boss, not by the department's configured head.
 */
@Component
public class ImmediateBoss {

  /** The roles whose members have staff under them and may sign for them. */
  static final List<Role> SIGNING_ROLES = List.of(Role.JEFES_PROCESO, Role.DIRECTORES_AREA, Role.DIRECTOR_TI);

  private final IdentityService identityService;

  public ImmediateBoss(IdentityService identityService) {
    this.identityService = identityService;
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
    boolean heads = unrestricted(() -> SIGNING_ROLES.stream().anyMatch(role ->
        identityService.createUserQuery().userId(boss.getId()).memberOfGroup(role.groupId()).count() > 0));
    if (!heads) {
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
    if (user.getId().equals(requester)) {
      return true;
    }
    String requesterEmail = string(request, REQUESTER_EMAIL);
    return requesterEmail != null && user.getEmail() != null
        && requesterEmail.toLowerCase(Locale.ROOT).equals(user.getEmail().trim().toLowerCase(Locale.ROOT));
  }

  public boolean isRequester(VariableScope request, String userId) {
    User user = userId == null ? null : user(userId);
    return user != null ? isRequester(request, user)
        : userId != null && (userId.equals(string(request, REQUESTER)) || userId.equals(string(request, REQUESTED_BY)));
  }

  private User user(String userId) {
    return unrestricted(() -> identityService.createUserQuery().userId(userId).singleResult());
  }

  /**
   * The requester (a solicitante) may not read other users; whether the boss she names exists is the process's
   * question, not hers.
   */
  private static <T> T unrestricted(Supplier<T> query) {
    CommandContext context = Context.getCommandContext();
    return context == null ? query.get() : context.runWithoutAuthorization(query::get);
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
