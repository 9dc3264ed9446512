package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The guards decide what a form hides with {@link FormFeel} (each expression parsed once, issue 19): for every
 * {@code conditional.hide} of every form, and every combination of the values it compares with, it must answer what
 * Camunda's own FEEL engine answers, or a required field would be checked when the form hides it, or not when it shows.
 */
class FormFeelTest {

  private static final FeelEngine CAMUNDA = new ScalaFeelEngineFactory().createInstance();
  private static final Pattern NAME = Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_]*)\\b");
  private static final Pattern TEXT = Pattern.compile("\"([^\"]*)\"");
  private static final Set<String> KEYWORDS = Set.of("or", "and", "not", "true", "false", "null");

  @Test
  void everyHideRuleOfEveryFormAnswersAsCamundasEngineDoes() throws IOException {
    Set<String> expressions = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
        json.readTree(file.toFile()).findValues("hide").stream().map(JsonNode::asText)
            .filter(hide -> hide.startsWith("=")).forEach(hide -> expressions.add(hide.substring(1)));
      }
    }
    assertThat(expressions).as("the forms hide fields by FEEL").hasSizeGreaterThan(20);

    int compared = 0;
    for (String expression : expressions) {
      List<String> names = new ArrayList<>();
      Matcher name = NAME.matcher(TEXT.matcher(expression).replaceAll("\"\""));
      while (name.find()) {
        if (!KEYWORDS.contains(name.group(1)) && !names.contains(name.group(1))) {
          names.add(name.group(1));
        }
      }
      List<Object> candidates = new ArrayList<>(List.of(true, false));
      Matcher text = TEXT.matcher(expression);
      Set<Object> texts = new LinkedHashSet<>();
      while (text.find()) {
        texts.add(text.group(1));
      }
      candidates.addAll(texts);
      candidates.add("otro");
      candidates.add(null);
      for (VariableMap values : combinations(names, candidates)) {
        Object expected = CAMUNDA.evaluateSimpleExpression(expression, values.asVariableContext());
        assertThat((Object) FormFeel.INSTANCE.evaluateSimpleExpression(expression, values.asVariableContext()))
            .as("«%s» with %s", expression, values).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  @Test
  void anExpressionIsParsedOnceAndABrokenOneFailsAsBefore() {
    int before = FormFeel.INSTANCE.kept();
    VariableMap values = Variables.putValue("outcome", "extend");
    for (int i = 0; i < 3; i++) {
      assertThat((Boolean) FormFeel.INSTANCE.evaluateSimpleExpression("outcome != \"extend\" and 17 > 16",
          values.asVariableContext())).isFalse();
    }
    assertThat(FormFeel.INSTANCE.kept()).isEqualTo(before + 1);
    assertThat(FormFeel.INSTANCE.evaluateSimpleUnaryTests("\"extend\", \"exempt\"", "outcome",
        values.asVariableContext())).isTrue();
    assertThatThrownBy(() -> FormFeel.INSTANCE.evaluateSimpleExpression("outcome !=", values.asVariableContext()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome !=");
  }

  private static List<VariableMap> combinations(List<String> names, List<Object> candidates) {
    List<VariableMap> all = new ArrayList<>();
    all.add(Variables.createVariables());
    for (String name : names) {
      List<VariableMap> next = new ArrayList<>();
      for (VariableMap partial : all) {
        for (Object candidate : candidates) {
          VariableMap values = Variables.fromMap(partial);
          values.putValue(name, candidate);
          next.add(values);
        }
      }
      all = next;
    }
    return all;
  }
}
