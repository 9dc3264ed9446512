package org.mesadeayuda.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Start forms do not ask what the application knows (issue 16). A start form marks its fields with a custom property
 * {@code profile}:
 * <ul>
 *   <li>{@code name}, {@code email}: the requester's name and e-mail, from the identity (first and last name,
 *   e-mail);</li>
 *   <li>{@code department}: her department, from {@link UserProfiles}; when it is not known yet, the form asks it once
 *   and it is kept;</li>
 *   <li>{@code onBehalfOf}: the desk chooses the requester from the directory; nobody else files for another
 *   person;</li>
 * </ul>
 * and a field with the property {@code selfService} takes that value (the channel: {@code web}) when the person files
 * it herself, i.e. anybody but the desk. The engine applies this on every start by a person
 * ({@link StartValidationPlugin}): what a REST client sends for these fields is replaced by what the profile says. The
 * form Tasklist shows is served already filled for the person who opens it ({@link #personalise(ArrayNode)}).
 */
@Component
public class RequesterProfile {

  static final String PROFILE = "profile";
  static final String SELF_SERVICE = "selfService";
  static final String NAME = "name";
  static final String EMAIL = "email";
  static final String DEPARTMENT = "department";
  static final String ON_BEHALF_OF = "onBehalfOf";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ThreadLocal<Boolean> STATED_BY_INTAKE = new ThreadLocal<>();

  private final Directory directory;
  private final UserProfiles profiles;
  private final FormOptions options;

  public RequesterProfile(Directory directory, UserProfiles profiles, FormOptions options) {
    this.directory = directory;
    this.profiles = profiles;
    this.options = options;
  }

  /**
   * Runs a start made by one of the application's intakes (the mailbox, the {@code /api/support-requests} gateway),
   * which state the requester's name, e-mail, department and the channel themselves: an e-mail is channel
   * {@code email} even when the engine knows its sender, and a gateway files for people its own account is not. The
   * engine keeps what they state (still checked by the form's rules); the profile is for a person filling a form. Only
   * application code can say so: no REST or Tasklist call runs inside it.
   */
  public static <T> T statedByIntake(Supplier<T> start) {
    Boolean outer = STATED_BY_INTAKE.get();
    STATED_BY_INTAKE.set(Boolean.TRUE);
    try {
      return start.get();
    } finally {
      if (outer == null) {
        STATED_BY_INTAKE.remove();
      }
    }
  }

  /**
   * Sets the profile fields of a start by a person from the requester's profile; the problems it finds (a person
   * filed for by someone who may not, a requester who is not a user). Without an authenticated person (timers, the
   * engine's own starts) the values are left as sent.
   */
  public List<FieldProblem> fill(DelegateExecution execution, FormRules form) {
    List<FieldProblem> problems = new ArrayList<>();
    Authentication starter = Context.getCommandContext().getAuthentication();
    if (starter == null || starter.getUserId() == null) {
      return problems;
    }
    boolean desk = files(starter);
    String person = starter.getUserId();
    FormRules.Field onBehalf = form.fieldWith(PROFILE, ON_BEHALF_OF);
    if (onBehalf != null) {
      String named = ProcessVariables.string(execution, onBehalf.key());
      if (named != null && !named.equals(person)) {
        if (!desk) {
          problems.add(new FieldProblem(onBehalf.key(),
              "solo la mesa de ayuda registra solicitudes en nombre de otra persona; deje el campo vacío"));
          return problems;
        }
        if (!directory.exists(named)) {
          problems.add(new FieldProblem(onBehalf.key(), "«" + named + "» no es un usuario del sistema: elija a la "
              + "persona de la lista"));
          return problems;
        }
        person = named;
      }
    }
    if (Boolean.TRUE.equals(STATED_BY_INTAKE.get())) {
      return problems;
    }
    for (FormRules.Field field : form.fields()) {
      String selfService = field.properties().get(SELF_SERVICE);
      if (selfService != null && !desk) {
        execution.setVariable(field.key(), selfService);
      }
    }
    Optional<User> user = directory.user(person);
    for (FormRules.Field field : form.fields()) {
      String kind = field.properties().get(PROFILE);
      if (NAME.equals(kind)) {
        user.map(Directory::fullName).filter(name -> !name.isEmpty())
            .ifPresent(name -> execution.setVariable(field.key(), name));
      } else if (EMAIL.equals(kind)) {
        user.map(User::getEmail).filter(email -> email != null && !email.isBlank())
            .ifPresent(email -> execution.setVariable(field.key(), email.trim()));
      } else if (DEPARTMENT.equals(kind)) {
        department(execution, field, person, desk, problems);
      }
    }
    return problems;
  }

  /**
   * Her department as her profile knows it; the one chosen on the form when it knows none yet, or when the desk, who
   * knows where people work, chooses another: then the profile keeps the choice.
   */
  private void department(DelegateExecution execution, FormRules.Field field, String person, boolean desk,
      List<FieldProblem> problems) {
    Optional<String> known = profiles.department(person);
    String chosen = ProcessVariables.string(execution, field.key());
    boolean valid = chosen != null && options.options(FormOptions.DEPARTMENTS, name -> null).stream()
        .anyMatch(option -> option.value().equals(chosen));
    if (chosen != null && !valid) {
      // a department that is not the institution's is refused by the form's list, not silently replaced
      return;
    }
    if (known.isPresent() && !(desk && valid && !known.get().equals(chosen))) {
      execution.setVariable(field.key(), known.get());
    } else if (valid && directory.exists(person)) {
      profiles.setDepartment(person, chosen);
    }
  }

  /**
   * The start form's components as the person who opens it should see them (called by {@link InstitutionStartForms},
   * which serves every start form): her known data shown (not asked), what she may not choose left out. Without a
   * signed-in person (the portal reading the form's layout) nothing changes.
   */
  public void personalise(ArrayNode components) {
    CommandContext context = Context.getCommandContext();
    Authentication person = context == null ? null : context.getAuthentication();
    String userId = person == null ? null : person.getUserId();
    if (userId == null) {
      return;
    }
    boolean desk = files(person);
    serve(components, userId, desk, directory.user(userId), profiles.department(userId), onBehalfKey(components));
  }

  private void serve(ArrayNode components, String userId, boolean desk, Optional<User> user,
      Optional<String> department, String onBehalfKey) {
    for (Iterator<JsonNode> it = components.elements(); it.hasNext();) {
      ObjectNode component = (ObjectNode) it.next();
      if (component.path("components").isArray()) {
        serve((ArrayNode) component.path("components"), userId, desk, user, department, onBehalfKey);
      }
      JsonNode properties = component.path("properties");
      String kind = properties.path(PROFILE).asText("");
      if (properties.has(SELF_SERVICE) && !desk || ON_BEHALF_OF.equals(kind) && !desk) {
        // she files for herself: the channel is the web form, the requester is she
        it.remove();
        continue;
      }
      String known = switch (kind) {
        case NAME -> user.map(Directory::fullName).filter(name -> !name.isEmpty()).orElse(null);
        case EMAIL -> user.map(User::getEmail).filter(email -> email != null && !email.isBlank()).orElse(null);
        case DEPARTMENT -> department.orElse(null);
        default -> null;
      };
      boolean forSomeoneElse = desk && onBehalfKey != null;
      if (forSomeoneElse && (NAME.equals(kind) || EMAIL.equals(kind))) {
        // the desk's own data while she files for herself; the chosen person's, from the directory, otherwise
        ObjectNode conditional = JSON.createObjectNode();
        conditional.put("hide", "=" + onBehalfKey + " != null");
        component.set("conditional", conditional);
      }
      if (forSomeoneElse && DEPARTMENT.equals(kind)) {
        ((ObjectNode) component.with("validate")).remove("required");
        component.put("description", "Se toma del perfil de la persona; elíjalo solo si no lo tiene o cambió de "
            + "departamento.");
        continue;
      }
      if (known != null) {
        component.put("defaultValue", known);
        component.put("readonly", true);
        component.put("description", DEPARTMENT.equals(kind)
            ? "Según su perfil. Si cambió de departamento, avise a la mesa de ayuda."
            : "Según su perfil de usuario.");
      } else if (DEPARTMENT.equals(kind)) {
        component.put("description", "Se guarda en su perfil: no se lo volveremos a preguntar.");
      }
    }
  }

  private static String onBehalfKey(ArrayNode components) {
    for (JsonNode component : components) {
      if (ON_BEHALF_OF.equals(component.path("properties").path(PROFILE).asText())) {
        return component.path("key").asText(null);
      }
      if (component.path("components").isArray()) {
        String nested = onBehalfKey((ArrayNode) component.path("components"));
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  /** The desk files requests for others and chooses the channel; an administrator may too. */
  private static boolean files(Authentication person) {
    List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
    return groups.contains(Role.MESA_AYUDA.groupId()) || groups.contains(Groups.CAMUNDA_ADMIN);
  }
}
