package org.mesadeayuda.attachments;

import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/** Who is asking: a user of the engine's identity service and the groups they are in. */
public record Person(String userId, Set<String> groups) {

  static final String DESK = "mesa-ayuda";

  public Person {
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }

  boolean isDesk() {
    return groups.contains(DESK) || groups.contains(Groups.CAMUNDA_ADMIN);
  }
}
