package org.mesadeayuda.platform;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The people the application knows: the engine's identity (its own users, or the institution's directory through
 * LDAP). Read whoever asks: a requester may not list users, but which technicians a form offers or whether a person
 * exists is the process's question, not hers.
 */
@Component
public class Directory {

  /** One choice of a form's select: what a person reads and the user id the form sends. */
  public record Person(String label, String value) {}

  private final IdentityService identityService;

  public Directory(@Lazy IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<User> user(String userId) {
    return userId == null || userId.isBlank() ? Optional.empty()
        : Optional.ofNullable(unrestricted(() -> identityService.createUserQuery().userId(userId).singleResult()));
  }

  public boolean exists(String userId) {
    return user(userId).isPresent();
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && groupId != null
        && unrestricted(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0;
  }

  /** The members of any of the groups, each once, sorted by name. */
  public List<Person> membersOf(Collection<String> groupIds) {
    Map<String, User> users = new LinkedHashMap<>();
    for (String groupId : groupIds) {
      unrestricted(() -> identityService.createUserQuery().memberOfGroup(groupId).list())
          .forEach(user -> users.putIfAbsent(user.getId(), user));
    }
    return users.values().stream().map(user -> new Person(displayName(user), user.getId()))
        .sorted(Comparator.comparing(Person::label, String.CASE_INSENSITIVE_ORDER)).toList();
  }

  /** "Nombre Apellido (usuario)": people are read by name, told apart by their user id. */
  public static String displayName(User user) {
    String name = fullName(user);
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }

  /** First and last name, or empty when the identity has neither. */
  public static String fullName(User user) {
    return (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
  }

  private static <T> T unrestricted(Supplier<T> query) {
    CommandContext context = Context.getCommandContext();
    return context == null ? query.get() : context.runWithoutAuthorization(query::get);
  }
}
