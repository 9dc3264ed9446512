package org.mesadeayuda.portal;

import org.mesadeayuda.platform.WebappSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The portal signs people in as the attachments page does: with the webapps' own session (the login of Tasklist), so
 * there is one login and one logout. The groups are read again from the identity service at every request, so a role
 * taken away counts at once. Forms carry a token kept in the session (synchronizer token) against posts from other
 * sites.
 */
@Component
class PortalSession {

  static final String CSRF_FIELD = "_csrf";
  private static final String CSRF_SESSION_KEY = PortalSession.class.getName() + ".csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  static class NotSignedInException extends RuntimeException {}

  static class ForgedRequestException extends RuntimeException {}

  private final IdentityService identityService;
  private final String engineName;

  PortalSession(ProcessEngine processEngine) {
    this.identityService = processEngine.getIdentityService();
    this.engineName = processEngine.getName();
  }

  Viewer viewer(HttpServletRequest request) {
    String userId = WebappSession.userId(request, engineName, identityService)
        .orElseThrow(NotSignedInException::new);
    User profile = identityService.createUserQuery().userId(userId).singleResult();
    if (profile == null) {
      throw new NotSignedInException();
    }
    var groups = new HashSet<>(identityService.createGroupQuery().groupMember(profile.getId()).list().stream()
        .map(Group::getId).toList());
    return new Viewer(profile.getId(), groups, fullName(profile), profile.getEmail());
  }

  static String fullName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession();
    if (session.getAttribute(CSRF_SESSION_KEY) instanceof String existing) {
      return existing;
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String created = HexFormat.of().formatHex(random);
    session.setAttribute(CSRF_SESSION_KEY, created);
    return created;
  }

  void checkCsrf(HttpServletRequest request, String token) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CSRF_SESSION_KEY);
    if (!(expected instanceof String value) || token == null
        || !MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw new ForgedRequestException();
    }
  }
}
