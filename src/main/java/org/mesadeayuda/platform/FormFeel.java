package org.mesadeayuda.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL for the forms' own rules ({@code conditional.hide}), which the guards evaluate at every start and task
 * completion: the same engine as Camunda's decisions (feel-scala), but each expression is parsed once and kept.
 * Camunda's engine parses the text again at every evaluation; on PostgreSQL that parsing was the form guards' largest
 * cost in the benchmark (issue 19). The forms of a deployment are few, so the expressions kept are too; an expression
 * that does not parse is not kept and fails as before.
 */
public final class FormFeel implements FeelEngine {

  public static final FormFeel INSTANCE = new FormFeel();

  /** More distinct expressions than any set of forms holds: beyond it nothing more is kept. */
  static final int MAX_KEPT = 2_000;

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
  private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

  private FormFeel() {}

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    ParsedExpression parsed = parsed(expressions, expression, false);
    return (T) result(feel.evaluate(parsed, values(variables)), expression);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
    ParsedExpression parsed = parsed(unaryTests, expression, true);
    TypedValue input = variables.resolve(inputVariable);
    return Boolean.TRUE.equals(result(feel.evaluateWithInput(parsed, input == null ? null : input.getValue(),
        values(variables)), expression));
  }

  /** How many expressions are kept parsed (tests). */
  int kept() {
    return expressions.size() + unaryTests.size();
  }

  private ParsedExpression parsed(Map<String, ParsedExpression> kept, String expression, boolean unary) {
    ParsedExpression parsed = kept.get(expression);
    if (parsed != null) {
      return parsed;
    }
    ParseResult result = unary ? feel.parseUnaryTests(expression) : feel.parseExpression(expression);
    if (result.isFailure()) {
      throw new IllegalArgumentException("FEEL «" + expression + "»: " + result.failure().message());
    }
    if (kept.size() < MAX_KEPT) {
      kept.put(expression, result.parsedExpression());
    }
    return result.parsedExpression();
  }

  private static Object result(EvaluationResult result, String expression) {
    if (result.isFailure()) {
      throw new IllegalArgumentException("FEEL «" + expression + "»: " + result.failure().message());
    }
    return result.result();
  }

  private static Map<String, Object> values(VariableContext variables) {
    Map<String, Object> values = new HashMap<>();
    for (String name : variables.keySet()) {
      TypedValue value = variables.resolve(name);
      values.put(name, value == null ? null : value.getValue());
    }
    return values;
  }
}
