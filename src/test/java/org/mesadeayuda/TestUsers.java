package org.mesadeayuda;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Engine users for API tests, created once in the shared context. */
public final class TestUsers {

  private TestUsers() {}

  public static void create(IdentityService identityService, String id, String group, String password) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(id);
    user.setLastName("Prueba");
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }
}
