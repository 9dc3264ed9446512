package org.mesadeayuda.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules a Camunda Form (form-js JSON) states about its fields: required, length, number range, pattern, e-mail,
 * the options of a select or radio (static, or a variable's list through {@code valuesKey}), which fields a person
 * may fill (not {@code readonly} or {@code disabled}) and when a field is hidden ({@code conditional.hide}, FEEL).
 * The form is their single source: the server checks them on every start ({@link StartValidationPlugin}) and on
 * every task's completion ({@link TaskFormGuard}), so {@code /engine-rest}, our APIs and {@code TaskService} meet the
 * rules a person meets in Tasklist. Parsed once per deployment ({@link DeployedForms}).
 */
public final class FormRules {

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Logger LOG = LoggerFactory.getLogger(FormRules.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT = Set.of("textfield", "textarea");
  private static final Set<String> OPTIONS = Set.of("select", "radio");
  private static final Set<String> LISTS = Set.of("checklist", "taglist");

  record Field(String key, String label, String type, boolean editable, boolean required, Integer minLength,
      Integer maxLength, BigDecimal min, BigDecimal max, Pattern pattern, String patternMessage, boolean email,
      Set<String> options, String valuesKey, String hideWhen, Map<String, String> properties) {}

  private final String id;
  private final List<Field> fields;
  private final Set<String> editableKeys;
  private final Map<String, Field> lengthLimits;

  private FormRules(String id, List<Field> fields) {
    this.id = id;
    this.fields = List.copyOf(fields);
    this.editableKeys = fields.stream().filter(Field::editable).map(Field::key)
        .collect(Collectors.toCollection(TreeSet::new));
    Map<String, Field> limits = new HashMap<>();
    fields.stream().filter(field -> field.editable() && field.maxLength() != null)
        .forEach(field -> limits.put(field.key(), field));
    this.lengthLimits = Map.copyOf(limits);
  }

  public static FormRules parse(byte[] json) {
    try {
      JsonNode form = JSON.readTree(json);
      List<Field> fields = new ArrayList<>();
      collect(form.path("components"), fields);
      return new FormRules(form.path("id").asText(null), fields);
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

  /** The variables a person fills in this form: what a completion of its task may set ({@link CompletionGuard}). */
  public Set<String> editableKeys() {
    return editableKeys;
  }

  /** The editable fields with a maximum length, key → field ({@link VariableLengthGuard}). */
  Map<String, Field> lengthLimits() {
    return lengthLimits;
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
      boolean editable = !component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false);
      fields.add(new Field(key, component.path("label").asText(key), component.path("type").asText(), editable,
          validate.path("required").asBoolean(false),
          validate.has("minLength") ? validate.path("minLength").asInt() : null,
          validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
          validate.path("min").isNumber() ? validate.path("min").decimalValue() : null,
          validate.path("max").isNumber() ? validate.path("max").decimalValue() : null,
          pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern),
          validate.path("patternErrorMessage").asText(null),
          "email".equals(validate.path("validationType").asText()),
          options, component.path("valuesKey").asText(null), hide == null ? null : hide.replaceFirst("^=", ""),
          properties(component)));
    }
  }

  /** A component's custom properties (form-js {@code properties}), e.g. which profile value fills it. */
  private static Map<String, String> properties(JsonNode component) {
    Map<String, String> properties = new HashMap<>();
    component.path("properties").fields().forEachRemaining(entry -> properties.put(entry.getKey(),
        entry.getValue().asText()));
    return Map.copyOf(properties);
  }

  /** The field whose custom property {@code name} is {@code value}, if any. */
  Field fieldWith(String name, String value) {
    return fields.stream().filter(field -> value.equals(field.properties().get(name))).findFirst().orElse(null);
  }

  /**
   * What is wrong with {@code values} for this form, field by field (sorted by field), in Spanish; empty when the
   * start or completion may go on. {@code values} are what the form would submit: for a start what was sent, for a
   * task also what the case already holds (Tasklist shows a field with the case's value and submits it). A field the
   * form hides for these values is not checked, as Tasklist does not submit it; a readonly or disabled field is shown,
   * not filled, and is not checked either.
   */
  public List<FieldProblem> check(Map<String, Object> values, FeelEngine feel) {
    return check(values, feel, true);
  }

  /** As {@link #check(Map, FeelEngine)}; without the maximum lengths when another guard names them its own way. */
  public List<FieldProblem> check(Map<String, Object> values, FeelEngine feel, boolean maxLengths) {
    VariableMap context = Variables.createVariables();
    fields.forEach(field -> context.putValue(field.key(), null));
    context.putAll(values);
    List<FieldProblem> problems = new ArrayList<>();
    for (Field field : fields) {
      if (!field.editable() || field.hideWhen() != null && hidden(field, feel, context)) {
        continue;
      }
      String reason = reason(field, values.get(field.key()), values, maxLengths);
      if (reason != null) {
        problems.add(new FieldProblem(field.key(), reason));
      }
    }
    problems.sort(Comparator.comparing(FieldProblem::field));
    return problems;
  }

  /** The problems as one sentence a person reads in Tasklist or in a REST answer, fields named by their labels. */
  public String describe(String lead, List<FieldProblem> problems) {
    Map<String, String> labels = new HashMap<>();
    fields.forEach(field -> labels.put(field.key(), field.label()));
    return lead + " " + problems.stream()
        .map(problem -> labels.getOrDefault(problem.field(), problem.field()) + " (" + problem.field() + "): "
            + problem.reason().replaceFirst("\\.$", ""))
        .collect(Collectors.joining("; ")) + ".";
  }

  /**
   * FEEL as Camunda's decisions use it (feel-scala), the language of {@code conditional.hide}, with each expression
   * parsed once ({@link FormFeel}).
   */
  static FeelEngine engineFeel() {
    return FormFeel.INSTANCE;
  }

  private boolean hidden(Field field, FeelEngine feel, VariableMap context) {
    try {
      return Boolean.TRUE.equals(feel.evaluateSimpleExpression(field.hideWhen(), context.asVariableContext()));
    } catch (RuntimeException cannotEvaluate) {
      // shown, as the field's rules then apply: a guard that cannot tell does not let a required field go unchecked
      LOG.warn("Form {}: cannot evaluate when «{}» is hidden ({}): {}", id, field.key(), field.hideWhen(),
          cannotEvaluate.getMessage());
      return false;
    }
  }

  private static String reason(Field field, Object value, Map<String, Object> values, boolean maxLengths) {
    boolean missing = value == null || value instanceof String text && text.isBlank()
        || LISTS.contains(field.type()) && value instanceof Collection<?> list && list.isEmpty();
    if (missing) {
      return field.required() ? "es obligatorio" : null;
    }
    if (TEXT.contains(field.type()) || OPTIONS.contains(field.type())) {
      if (OPTIONS.contains(field.type()) && (value instanceof Number || value instanceof Boolean)) {
        // a case value kept as a number or yes/no is shown by its text
        value = String.valueOf(value);
      }
      if (!(value instanceof String text)) {
        return "debe ser un texto";
      }
      return textReason(field, text, values, maxLengths);
    }
    return switch (field.type()) {
      // a required checkbox is a confirmation: only a ticked one meets it
      case "checkbox" -> !(value instanceof Boolean ticked) ? "debe ser verdadero o falso"
          : field.required() && !ticked ? "debe marcarse" : null;
      case "number" -> numberReason(field, value);
      case "datetime" -> value instanceof Date || value instanceof String ? null : "debe ser una fecha";
      default -> null;
    };
  }

  private static String textReason(Field field, String text, Map<String, Object> values, boolean maxLengths) {
    Set<String> options = options(field, values);
    if (options != null) {
      if (options.contains(text)) {
        return null;
      }
      // a list the engine fills (people, departments) can be long and names people: it is not read out
      return field.valuesKey() != null && field.options().isEmpty()
          ? "«" + text + "» no está entre las opciones de la lista"
          : "no es una opción válida (" + String.join(", ", options) + ")";
    }
    if (field.minLength() != null && text.trim().length() < field.minLength()) {
      return "debe tener al menos " + field.minLength() + " caracteres";
    }
    if (maxLengths && field.maxLength() != null && text.length() > field.maxLength()) {
      return "admite hasta " + field.maxLength() + " caracteres";
    }
    if (field.email() && !EMAIL.matcher(text.trim()).matches()) {
      return "no es un correo electrónico válido";
    }
    // trimmed, as the e-mail: the procedures keep a value without the spaces around it
    if (field.pattern() != null && !field.pattern().matcher(text.trim()).find()) {
      return field.patternMessage() != null ? field.patternMessage() : "no tiene el formato esperado";
    }
    return null;
  }

  /**
   * The values a select or radio offers: its static ones, or those of the variable its {@code valuesKey} names (a
   * list of {@code {label, value}} or of plain values, or that list as JSON). Null when it offers no fixed list.
   */
  private static Set<String> options(Field field, Map<String, Object> values) {
    if (!OPTIONS.contains(field.type())) {
      return null;
    }
    if (!field.options().isEmpty()) {
      return field.options();
    }
    if (field.valuesKey() == null) {
      return null;
    }
    Object list = values.get(field.valuesKey());
    JsonNode node;
    try {
      node = list instanceof String json ? JSON.readTree(json)
          : list == null ? null : JSON.readTree(list instanceof Collection<?> ? JSON.writeValueAsString(list)
              : list.toString());
    } catch (IOException | RuntimeException notAList) {
      node = null;
    }
    Set<String> options = new LinkedHashSet<>();
    if (node != null && node.isArray()) {
      node.forEach(option -> options.add(option.isObject() ? option.path("value").asText() : option.asText()));
    }
    // no list in the case: the form offered nothing to choose, so any choice sent is not one of its options
    return options;
  }

  private static String numberReason(Field field, Object value) {
    BigDecimal number;
    try {
      number = value instanceof Number n ? new BigDecimal(n.toString())
          : value instanceof String text ? new BigDecimal(text.trim()) : null;
    } catch (NumberFormatException notANumber) {
      number = null;
    }
    if (number == null) {
      return "debe ser un número";
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      return "debe ser al menos " + field.min().toPlainString();
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      return "debe ser como máximo " + field.max().toPlainString();
    }
    return null;
  }
}
