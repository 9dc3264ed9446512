package org.mesadeayuda.platform;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The user of the current API request, as the authentication filter set it on the engine. Our endpoints use it for
 * the rules the engine's own authorizations do not cover (who may edit a register).
 */
@Component
public class CurrentUser {

  public static class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
      super(message);
    }
  }

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    Authentication current = identityService.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /** Whether the user of the request is in the group (administrators are not: this is about who someone is). */
  public boolean isMemberOf(String groupId) {
    Authentication current = identityService.getCurrentAuthentication();
    return current != null && current.getGroupIds() != null && current.getGroupIds().contains(groupId);
  }

  /** Refuses the request unless the user supervises the cases ({@link Role#SUPERVISORS}): the registers' readers. */
  public void requireSupervisor(String message) {
    requireOneOf(message, Role.SUPERVISORS.toArray(Role[]::new));
  }

  /** Refuses the request unless the user is in one of the roles (administrators always pass). */
  public void requireOneOf(String message, Role... roles) {
    Authentication current = identityService.getCurrentAuthentication();
    List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
    boolean allowed = groups.contains(Groups.CAMUNDA_ADMIN)
        || Arrays.stream(roles).map(Role::groupId).anyMatch(groups::contains);
    if (!allowed) {
      throw new NotAllowedException(message);
    }
  }
}
