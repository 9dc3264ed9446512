package org.mesadeayuda.documents;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * The person signed in to Tasklist in this browser (the webapps' session), with the groups the identity service
 * gives them now: a role taken away counts at once. Document pages use the same login as the task forms that link
 * to them.
 */
@Component
public class SignedInUser {

  /** Who is asking for a page. */
  public record Reader(String userId, Set<String> groups) {

    public boolean isIn(String group) {
      return groups.contains(group);
    }
  }

  /** No Tasklist session in this browser. */
  public static class NotSignedInException extends RuntimeException {}

  /** Signed in, but the document is not for them. */
  public static class NotAReaderException extends RuntimeException {
    public NotAReaderException(String message) {
      super(message);
    }
  }

  static final String ADMIN_GROUP = "camunda-admin";

  private final IdentityService identityService;
  private final String engineName;

  public SignedInUser(ProcessEngine processEngine) {
    this.identityService = processEngine.getIdentityService();
    this.engineName = processEngine.getName();
  }

  public Reader of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      throw new NotSignedInException();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
      throw new NotSignedInException();
    }
    String userId = user.getIdentityId();
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      throw new NotSignedInException();
    }
    return new Reader(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet()));
  }
}
