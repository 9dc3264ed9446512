package org.mesadeayuda.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is signed in to the Camunda webapps in this browser, for our own pages (attachments, documents, dashboard,
 * portal): the same login as Tasklist. Only a user the identity service still knows counts, so a removed account
 * loses its open sessions at once.
 */
public final class WebappSession {

  private WebappSession() {}

  public static Optional<String> userId(HttpServletRequest request, String engineName,
      IdentityService identityService) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    String userId = user.getIdentityId();
    return identityService.createUserQuery().userId(userId).count() == 0 ? Optional.empty() : Optional.of(userId);
  }
}
