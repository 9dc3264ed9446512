package org.mesadeayuda.portal;

import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.mesadeayuda.attachments.Person;

/** Who is looking at the portal: a user of the engine's identity service, her groups, name and e-mail. */
record Viewer(String userId, Set<String> groups, String fullName, String email) {

  static final String DESK = "mesa-ayuda";

  Viewer {
    groups = Set.copyOf(groups);
  }

  /** The desk (and administrators) open any requester's view; everybody else only her own. */
  boolean isDesk() {
    return groups.contains(DESK) || groups.contains(Groups.CAMUNDA_ADMIN);
  }

  Person person() {
    return new Person(userId, groups);
  }
}
