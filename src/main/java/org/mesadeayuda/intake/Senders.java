package org.mesadeayuda.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.mesadeayuda.attachments.Person;
import org.springframework.stereotype.Component;

/** Who wrote: the staff user whose e-mail is the sender's address, from the engine's identity service (or LDAP). */
@Component
class Senders {

  static final String DESK = "mesa-ayuda";
  /** A user's department code, when the identity service keeps one (user info "department"). */
  static final String DEPARTMENT_INFO = "department";

  /** A staff user who wrote to the mailbox. */
  record Staff(String userId, String name, Set<String> groups, Optional<String> department) {
    Person person() {
      return new Person(userId, groups);
    }
  }

  private final IdentityService identityService;

  Senders(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The one user with this address; none when nobody or several users have it (the desk then qualifies it). */
  Optional<Staff> staff(String address) {
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    String trimmed = address.trim();
    List<User> users = identityService.createUserQuery().userEmail(trimmed).list();
    if (users.isEmpty() && !trimmed.equals(trimmed.toLowerCase(Locale.ROOT))) {
      users = identityService.createUserQuery().userEmail(trimmed.toLowerCase(Locale.ROOT)).list();
    }
    if (users.size() != 1) {
      return Optional.empty();
    }
    User user = users.get(0);
    Set<String> groups = identityService.createGroupQuery().groupMember(user.getId()).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    String name = String.join(" ", nonNull(user.getFirstName()), nonNull(user.getLastName())).strip();
    Optional<String> department = Optional.empty();
    try {
      department = Optional.ofNullable(identityService.getUserInfo(user.getId(), DEPARTMENT_INFO))
          .filter(value -> !value.isBlank());
    } catch (UnsupportedOperationException readOnlyDirectory) {
      // LDAP keeps no user info: the department comes from her last request or the intake's setting
    }
    return Optional.of(new Staff(user.getId(), name.isEmpty() ? user.getId() : name, groups, department));
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
