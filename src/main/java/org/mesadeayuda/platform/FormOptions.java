package org.mesadeayuda.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.mesadeayuda.platform.Directory.Person;
import org.springframework.stereotype.Component;

/**
 * The choices the engine offers in a form's selects, by the variable the select reads ({@code valuesKey}): a person is
 * chosen among real users of the right group, never typed, and a department among the institution's. It is the only
 * source of these lists: they fill the form (task-local variables for a task: {@link PeoplePlugin}; the served start
 * form: {@link InstitutionStartForms}) and check what was sent ({@link TaskFormGuard}, {@link StartValidationPlugin}),
 * so a value that is not offered is refused.
 */
@Component
public class FormOptions {

  /** The case's technicians: members of the group that handles it ({@code handlingGroup}), else of Technology. */
  public static final String TECHNICIANS = "technicianOptions";
  /**
   * Everyone who attends requests: the desk (first level), the technicians and the Technology Directorate. The desk
   * chooses among them as it may still correct the type, and so the group; the procedure checks the group.
   */
  public static final String SUPPORT_STAFF = "supportStaffOptions";
  /** All staff: every member of {@code solicitantes}, the directory a requester is chosen from. */
  public static final String DIRECTORY = "directoryOptions";
  /** Who may sign for someone as immediate boss ({@link Signers#SIGNING_ROLES}). */
  public static final String SIGNERS = "signerOptions";
  /** The institution's departments ({@code mesa.institution.departments}). */
  public static final String DEPARTMENTS = "departmentOptions";

  static final String HANDLING_GROUP = "handlingGroup";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Directory directory;
  private final InstitutionProperties institution;

  public FormOptions(Directory directory, InstitutionProperties institution) {
    this.directory = directory;
    this.institution = institution;
  }

  /** The options of every select of the form that reads one of ours, by its {@code valuesKey}. */
  public Map<String, List<Person>> of(FormRules form, Function<String, Object> variables) {
    Map<String, List<Person>> lists = new LinkedHashMap<>();
    if (form == null) {
      return lists;
    }
    for (FormRules.Field field : form.fields()) {
      String key = field.valuesKey();
      if (key != null && !lists.containsKey(key)) {
        List<Person> options = options(key, variables);
        if (options != null) {
          lists.put(key, options);
        }
      }
    }
    return lists;
  }

  /** The list of one source, or null when the key is none of ours. */
  public List<Person> options(String valuesKey, Function<String, Object> variables) {
    return switch (valuesKey) {
      case TECHNICIANS -> {
        Object group = variables.apply(HANDLING_GROUP);
        yield directory.membersOf(group == null || group.toString().isBlank()
            ? List.of(Role.TECNICOS.groupId(), Role.DIRECTOR_TI.groupId()) : List.of(group.toString()));
      }
      case SUPPORT_STAFF -> directory.membersOf(List.of(Role.MESA_AYUDA.groupId(), Role.TECNICOS.groupId(),
          Role.DIRECTOR_TI.groupId()));
      case DIRECTORY -> directory.membersOf(List.of(Role.SOLICITANTES.groupId()));
      case SIGNERS -> directory.membersOf(Signers.SIGNING_ROLES.stream().map(Role::groupId).toList());
      case DEPARTMENTS -> institution.departments().entrySet().stream()
          .map(entry -> new Person(entry.getValue().name() == null ? entry.getKey() : entry.getValue().name(),
              entry.getKey()))
          .sorted(Comparator.comparing(Person::label, String.CASE_INSENSITIVE_ORDER)).toList();
      default -> null;
    };
  }

  /** A list as the JSON variable Tasklist hands to form-js ({@code [{label, value}]}). */
  public static TypedValue variable(List<Person> options) {
    return SpinValues.jsonValue(json(options)).create();
  }

  static String json(List<Person> options) {
    try {
      return JSON.writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
