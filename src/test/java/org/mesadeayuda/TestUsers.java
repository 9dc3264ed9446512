package org.mesadeayuda;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Engine users for API tests, created once in the shared context. */
public final class TestUsers {

  private TestUsers() {}

  public static void create(IdentityService identityService, String id, String group, String password) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setFirstName(id);
      user.setLastName("Prueba");
      user.setPassword(password);
      identityService.saveUser(user);
    } else if (password != null) {
      // TestDirectory creates the people the process tests name, without a password: an API test logs in as one
      user.setPassword(password);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identityService.createMembership(id, group);
    }
  }
}
