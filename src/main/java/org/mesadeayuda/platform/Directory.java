package org.mesadeayuda.platform;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * The members of any of the groups, each once, sorted by name. Every task with a choice of people and every check of
   * its answer asks for these lists (ten directory queries per ticket); each group's list is kept
   * {@link #MEMBERS_KEPT} (issue 19), and forgotten at once when users, groups or memberships change through the engine
   * ({@link DirectoryChanges}); a directory (LDAP) change is seen within that time. Only the offered choices come from
   * here: whether a person exists or belongs to a group is always asked afresh ({@link #exists}, {@link #isMember}).
   */
  public List<Person> membersOf(Collection<String> groupIds) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String groupId : groupIds) {
      members(groupId).forEach(person -> people.putIfAbsent(person.value(), person));
    }
    return people.values().stream()
        .sorted(Comparator.comparing(Person::label, String.CASE_INSENSITIVE_ORDER)).toList();
  }

  static final Duration MEMBERS_KEPT = Duration.ofSeconds(30);

  private record Members(List<Person> people, long readAt) {}

  private final Map<String, Members> members = new ConcurrentHashMap<>();

  private List<Person> members(String groupId) {
    Members known = members.get(groupId);
    if (known != null && System.nanoTime() - known.readAt() < MEMBERS_KEPT.toNanos()) {
      return known.people();
    }
    long readAt = System.nanoTime();
    List<Person> people = unrestricted(() -> identityService.createUserQuery().memberOfGroup(groupId).list()).stream()
        .map(user -> new Person(displayName(user), user.getId())).toList();
    members.put(groupId, new Members(people, readAt));
    return people;
  }

  /** Forgets the groups' members read so far (users, groups or memberships changed). */
  public void forget() {
    members.clear();
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
