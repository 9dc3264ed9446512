package org.mesadeayuda.documents;

import org.mesadeayuda.platform.WebappSession;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
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
    String userId = WebappSession.userId(request, engineName, identityService)
        .orElseThrow(NotSignedInException::new);
    return new Reader(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet()));
  }
}
