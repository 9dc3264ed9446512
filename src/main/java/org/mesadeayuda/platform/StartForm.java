package org.mesadeayuda.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The rules a start form (Camunda Forms JSON) states about its fields: required, length, pattern, e-mail, the options
 * of a select or radio, and when a field is hidden ({@code conditional.hide}, FEEL). The server checks them on every
 * start ({@link StartValidationPlugin}), so a start through {@code /engine-rest} or our own APIs meets exactly the
 * rules a person meets in Tasklist: the form is their single source.
 */
public final class StartForm {

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT = Set.of("textfield", "textarea");
  private static final Set<String> OPTIONS = Set.of("select", "radio");

  record Field(String key, String label, String type, boolean required, Integer minLength, Integer maxLength,
      Pattern pattern, String patternMessage, boolean email, Set<String> options, String hideWhen) {}

  private final String id;
  private final List<Field> fields;

  private StartForm(String id, List<Field> fields) {
    this.id = id;
    this.fields = List.copyOf(fields);
  }

  public static StartForm parse(byte[] json) {
    try {
      JsonNode form = JSON.readTree(json);
      List<Field> fields = new ArrayList<>();
      collect(form.path("components"), fields);
      return new StartForm(form.path("id").asText(null), fields);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Camunda form: " + e.getMessage(), e);
    }
  }

  /** The form's id, as a BPMN's {@code camunda:formRef} names it. */
  public String id() {
    return id;
  }

  List<Field> fields() {
    return fields;
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.path("components"), fields);
      }
      String key = component.path("key").asText(null);
      if (key == null) {
        continue;
      }
      JsonNode validate = component.path("validate");
      Set<String> options = new LinkedHashSet<>();
      component.path("values").forEach(option -> options.add(option.path("value").asText()));
      String pattern = validate.path("pattern").asText(null);
      String hide = component.path("conditional").path("hide").asText(null);
      fields.add(new Field(key, component.path("label").asText(key), component.path("type").asText(),
          validate.path("required").asBoolean(false),
          validate.has("minLength") ? validate.path("minLength").asInt() : null,
          validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
          pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern),
          validate.path("patternErrorMessage").asText(null),
          "email".equals(validate.path("validationType").asText()),
          options, hide == null ? null : hide.replaceFirst("^=", "")));
    }
  }

  /**
   * What is wrong with {@code values} for this form, field by field (sorted by field), in Spanish; empty when the
   * start may go on. A field the form hides for these values is not checked, as Tasklist does not submit it.
   */
  public List<FieldProblem> check(Map<String, Object> values, FeelEngine feel) {
    VariableMap context = Variables.createVariables();
    fields.forEach(field -> context.putValue(field.key(), null));
    context.putAll(values);
    List<FieldProblem> problems = new ArrayList<>();
    for (Field field : fields) {
      if (field.hideWhen() != null && hidden(field, feel, context)) {
        continue;
      }
      String reason = reason(field, values.get(field.key()));
      if (reason != null) {
        problems.add(new FieldProblem(field.key(), reason));
      }
    }
    problems.sort(Comparator.comparing(FieldProblem::field));
    return problems;
  }

  /** The problems as one sentence a person reads in Tasklist or in a REST answer, fields named by their labels. */
  public String describe(List<FieldProblem> problems) {
    Map<String, String> labels = new HashMap<>();
    fields.forEach(field -> labels.put(field.key(), field.label()));
    return "Revise los datos de la solicitud. " + problems.stream()
        .map(problem -> labels.getOrDefault(problem.field(), problem.field()) + " (" + problem.field() + "): "
            + problem.reason().replaceFirst("\\.$", ""))
        .collect(Collectors.joining("; ")) + ".";
  }

  private static boolean hidden(Field field, FeelEngine feel, VariableMap context) {
    Object hidden = feel.evaluateSimpleExpression(field.hideWhen(), context.asVariableContext());
    return Boolean.TRUE.equals(hidden);
  }

  private static String reason(Field field, Object value) {
    boolean missing = value == null || value instanceof String text && text.isBlank();
    if (missing) {
      return field.required() ? "es obligatorio" : null;
    }
    if (TEXT.contains(field.type()) || OPTIONS.contains(field.type())) {
      if (!(value instanceof String text)) {
        return "debe ser un texto";
      }
      return textReason(field, text);
    }
    return switch (field.type()) {
      case "checkbox" -> value instanceof Boolean ? null : "debe ser verdadero o falso";
      case "number" -> value instanceof Number || numeric(value) ? null : "debe ser un número";
      case "datetime" -> value instanceof Date || value instanceof String ? null : "debe ser una fecha";
      default -> null;
    };
  }

  private static String textReason(Field field, String text) {
    if (!field.options().isEmpty()) {
      return field.options().contains(text) ? null
          : "no es una opción válida (" + String.join(", ", field.options()) + ")";
    }
    if (field.minLength() != null && text.trim().length() < field.minLength()) {
      return "debe tener al menos " + field.minLength() + " caracteres";
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      return "admite hasta " + field.maxLength() + " caracteres";
    }
    if (field.email() && !EMAIL.matcher(text.trim()).matches()) {
      return "no es un correo electrónico válido";
    }
    if (field.pattern() != null && !field.pattern().matcher(text).find()) {
      return field.patternMessage() != null ? field.patternMessage() : "no tiene el formato esperado";
    }
    return null;
  }

  private static boolean numeric(Object value) {
    return value instanceof String text && text.matches("-?\\d+(\\.\\d+)?");
  }
}
