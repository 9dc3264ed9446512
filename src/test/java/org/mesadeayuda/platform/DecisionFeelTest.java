package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * The decisions run on {@link DecisionFeel} (each rule's text parsed once, issue 19): every decision table of
 * {@code processes/} must give, for every combination of the values its rules compare with (and one they do not
 * name, and none), the result Camunda's own decision engine gives, or the same failure.
 */
class DecisionFeelTest {

  private static final Pattern TEXT = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w\"])(-?\\d+)(?![\\w\"])");

  private final DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DecisionFeel feel = new DecisionFeel(List.of());
  private final DmnEngine parsedOnce = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
      .createDefaultDmnEngineConfiguration()).feelEngineFactory(() -> feel).buildEngine();

  @Test
  void everyDecisionTableDecidesAsWithCamundasEngine() throws IOException {
    int compared = 0;
    int decisions = 0;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".dmn")).sorted().toList()) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
          String decisionKey = table.getParentElement().getAttributeValue("id");
          DmnDecision expected = decision(camunda, file, decisionKey);
          DmnDecision actual = decision(parsedOnce, file, decisionKey);
          decisions++;
          List<Input> inputs = new ArrayList<>(table.getInputs());
          List<String> names = new ArrayList<>();
          List<List<Object>> candidates = new ArrayList<>();
          for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            names.add(input.getInputExpression().getText().getTextContent().trim());
            candidates.add(candidates(table, i, input.getInputExpression().getTypeRef()));
          }
          for (VariableMap values : combinations(names, candidates)) {
            assertThat(outcome(parsedOnce, actual, values)).as("%s with %s", decisionKey, values)
                .isEqualTo(outcome(camunda, expected, values));
            compared++;
          }
        }
      }
    }
    assertThat(decisions).as("the decision tables of processes/").isGreaterThanOrEqualTo(4);
    assertThat(compared).isGreaterThan(50);
    assertThat(feel.kept()).as("each rule's text kept parsed").isGreaterThan(30);
  }

  @Test
  void aTextIsParsedOnceAndOneThatDoesNotParseFailsAsWithCamundasEngine() {
    VariableMap values = Variables.putValue("impact", "high");
    int before = feel.kept();
    for (int i = 0; i < 3; i++) {
      assertThat(feel.evaluateSimpleUnaryTests("\"high\", \"medium\"", "impact", values.asVariableContext())).isTrue();
    }
    assertThat(feel.kept()).isEqualTo(before + 1);
    String broken = "\"high\" ,, ";
    assertThat(failure(() -> feel.evaluateSimpleUnaryTests(broken, "impact", values.asVariableContext())))
        .isNotNull()
        .isEqualTo(failure(() -> new ScalaFeelEngine(List.of())
            .evaluateSimpleUnaryTests(broken, "impact", values.asVariableContext())));
    assertThat(feel.kept()).as("nothing kept of a text that does not parse").isEqualTo(before + 1);
  }

  @Test
  void theEngineDecidesWithItAndKeepsTheDecisionsHistory() throws IOException {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:decision-feel-test");
    configuration.setProcessEngineName("decision-feel-test");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new DecisionFeelPlugin())));
    ProcessEngine engine = configuration.buildProcessEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("processes/request-priority.dmn"))) {
      engine.getRepositoryService().createDeployment().addInputStream("request-priority.dmn", dmn).deploy();
      DecisionFeel used = (DecisionFeel) configuration.getDmnEngineConfiguration().getFeelEngine();
      List<Integer> kept = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        DmnDecisionTableResult result = engine.getDecisionService().evaluateDecisionTableByKey("request-priority",
            Variables.putValue("impact", "high").putValue("urgency", "high"));
        assertThat(result.getSingleResult().getEntryMap()).containsEntry("priority", "critical")
            .containsEntry("firstResponseHours", 4).containsEntry("resolutionDays", 1);
        kept.add(used.kept());
      }
      // the inputs, the texts the rules compare with ("high", "medium", "low") and the matched rule's outputs
      assertThat(kept.get(0)).as("texts parsed and kept at the first evaluation").isGreaterThanOrEqualTo(9);
      assertThat(kept.get(1)).as("nothing parsed again at the second").isEqualTo(kept.get(0));
      assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(
          "request-priority").includeInputs().includeOutputs().list())
          .hasSize(2).allSatisfy(decision -> assertThat(decision.getOutputs()).hasSize(4));
    } finally {
      engine.close();
    }
  }

  private static DmnDecision decision(DmnEngine engine, Path file, String key) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return engine.parseDecision(key, in);
    }
  }

  private static Object outcome(DmnEngine engine, DmnDecision decision, VariableMap values) {
    try {
      return engine.evaluateDecisionTable(decision, values).getResultList();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static String failure(Runnable evaluation) {
    try {
      evaluation.run();
      return null;
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** The values the rules of input {@code index} name, one they do not, and none. */
  private static List<Object> candidates(DecisionTable table, int index, String typeRef) {
    Set<Object> values = new LinkedHashSet<>();
    for (Rule rule : table.getRules()) {
      InputEntry entry = new ArrayList<>(rule.getInputEntries()).get(index);
      String text = entry.getText().getTextContent();
      Matcher strings = TEXT.matcher(text);
      while (strings.find()) {
        values.add(strings.group(1));
      }
      Matcher numbers = NUMBER.matcher(TEXT.matcher(text).replaceAll("\"\""));
      while (numbers.find()) {
        long number = Long.parseLong(numbers.group(1));
        for (long near = number - 1; near <= number + 1; near++) {
          values.add("integer".equals(typeRef) ? (Object) (int) near : (Object) near);
        }
      }
    }
    if ("boolean".equals(typeRef)) {
      values.add(true);
      values.add(false);
    } else if ("integer".equals(typeRef) || "long".equals(typeRef)) {
      values.add("integer".equals(typeRef) ? (Object) 0 : (Object) 0L);
    } else {
      values.add("otro");
    }
    List<Object> all = new ArrayList<>(values);
    all.add(null);
    return all;
  }

  private static List<VariableMap> combinations(List<String> names, List<List<Object>> candidates) {
    List<VariableMap> all = new ArrayList<>();
    all.add(Variables.createVariables());
    for (int i = 0; i < names.size(); i++) {
      List<VariableMap> next = new ArrayList<>();
      for (VariableMap partial : all) {
        for (Object candidate : candidates.get(i)) {
          VariableMap values = Variables.fromMap(partial);
          values.putValue(names.get(i), candidate);
          next.add(values);
        }
      }
      all = next;
    }
    return all;
  }
}
