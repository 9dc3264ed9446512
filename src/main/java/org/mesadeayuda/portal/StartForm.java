package org.mesadeayuda.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The support request's start form (the Camunda Form Tasklist shows), read from the deployment, so the portal's
 * "Nueva solicitud" asks the same questions with the same labels, options and conditions; its rules are checked by
 * the engine as the process starts, never here.
 */
final class StartForm {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Option(String value, String label) {}

  /**
   * A component of the form: a field with a {@code key}, or a text ({@code type} "text") shown between fields.
   *
   * @param hideWhen the FEEL condition under which the form hides it, without the leading "="
   */
  record Component(String type, String key, String label, String text, boolean required, Integer minLength,
      Integer maxLength, boolean email, List<Option> options, String hideWhen, boolean editable) {

    boolean isField() {
      return key != null;
    }

    String optionLabel(String value) {
      return options.stream().filter(option -> option.value().equals(value)).map(Option::label).findFirst()
          .orElse(value);
    }
  }

  private final List<Component> components;

  private StartForm(List<Component> components) {
    this.components = List.copyOf(components);
  }

  static StartForm read(InputStream json) {
    try (json) {
      List<Component> components = new ArrayList<>();
      collect(JSON.readTree(json).path("components"), components);
      return new StartForm(components);
    } catch (IOException e) {
      throw new UncheckedIOException("the start form cannot be read", e);
    }
  }

  List<Component> components() {
    return components;
  }

  Optional<Component> field(String key) {
    return components.stream().filter(component -> key.equals(component.key())).findFirst();
  }

  /** Whether the form hides the component for these values (as Tasklist does, and then does not send it). */
  boolean hidden(Component component, Map<String, Object> values, FeelEngine feel) {
    if (component.hideWhen() == null) {
      return false;
    }
    VariableMap context = Variables.createVariables();
    components.stream().filter(Component::isField).forEach(field -> context.putValue(field.key(), null));
    context.putAll(values);
    try {
      return Boolean.TRUE.equals(feel.evaluateSimpleExpression(component.hideWhen(), context.asVariableContext()));
    } catch (RuntimeException cannotEvaluate) {
      return false;
    }
  }

  private static void collect(JsonNode nodes, List<Component> into) {
    for (JsonNode node : nodes) {
      if (node.has("components")) {
        collect(node.path("components"), into);
        continue;
      }
      String type = node.path("type").asText();
      String hide = node.path("conditional").path("hide").asText(null);
      hide = hide == null ? null : hide.replaceFirst("^=", "");
      if ("text".equals(type)) {
        into.add(new Component(type, null, null, plain(node.path("text").asText("")), false, null, null, false,
            List.of(), hide, false));
        continue;
      }
      String key = node.path("key").asText(null);
      if (key == null) {
        continue;
      }
      JsonNode validate = node.path("validate");
      List<Option> options = new ArrayList<>();
      node.path("values").forEach(option -> options.add(new Option(option.path("value").asText(),
          option.path("label").asText(option.path("value").asText()))));
      boolean editable = !node.path("readonly").asBoolean(false) && !node.path("disabled").asBoolean(false);
      into.add(new Component(type, key, node.path("label").asText(key), null, validate.path("required").asBoolean(),
          validate.has("minLength") ? validate.path("minLength").asInt() : null,
          validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
          "email".equals(validate.path("validationType").asText()), List.copyOf(options), hide, editable));
    }
  }

  /** Markdown of a text component as plain words: the portal shows guidance, not headings copied from Tasklist. */
  private static String plain(String markdown) {
    return markdown.replaceAll("(?m)^#+\\s*", "").replace("**", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")
        .strip();
  }
}
