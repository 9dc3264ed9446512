package org.mesadeayuda.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Who may sign for a person as her immediate boss (EM-2, 001 §4.4.2: "firmado por el jefe inmediato"): a user who
 * heads people — a department head, an area director or the Technology Director — and never the person herself. One
 * rule for the e-mail procedure and for the ticket that hands a password reset to it.
 */
@Component
public class Signers {

  /** The roles whose members have staff under them and may sign for them. */
  public static final List<Role> SIGNING_ROLES = List.of(Role.JEFES_PROCESO, Role.DIRECTORES_AREA, Role.DIRECTOR_TI);

  private final IdentityService identityService;

  public Signers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user, read whoever asks: a requester may not list users, but whether her boss exists is the process's question. */
  public Optional<User> user(String userId) {
    return userId == null ? Optional.empty()
        : Optional.ofNullable(unrestricted(() -> identityService.createUserQuery().userId(userId).singleResult()));
  }

  /** Whether the user belongs to a role that has staff under it. */
  public boolean headsPeople(String userId) {
    return unrestricted(() -> SIGNING_ROLES.stream().anyMatch(role ->
        identityService.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() > 0));
  }

  /** Whether the user is the person herself: her user id, or the contact address she gave. */
  public static boolean isSamePerson(User user, String personId, String personEmail) {
    if (user.getId().equals(personId)) {
      return true;
    }
    return personEmail != null && user.getEmail() != null
        && personEmail.trim().toLowerCase(Locale.ROOT).equals(user.getEmail().trim().toLowerCase(Locale.ROOT));
  }

  private static <T> T unrestricted(Supplier<T> query) {
    CommandContext context = Context.getCommandContext();
    return context == null ? query.get() : context.runWithoutAuthorization(query::get);
  }
}
