package org.mesadeayuda.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelLogger;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * The decisions' FEEL (issue 19): Camunda's own engine for decision tables ({@link ScalaFeelEngine}: its value
 * mappers, its custom functions, its variable context), except that each input entry and output entry is parsed once
 * and kept. Camunda's engine parses the text of every rule again at every evaluation: a ticket's two tables are 26
 * rules with 35 input entries, parsed at every start. feel-scala's {@code evalExpression} is exactly "parse, then
 * evaluate the parsed expression" and both steps are public, so the answer and the failure messages stay the same.
 * The texts kept are those of deployed decision tables, so they are few; beyond {@link #MAX_KEPT} nothing more is kept.
 */
public class DecisionFeel extends ScalaFeelEngine {

  static final int MAX_KEPT = 5_000;
  private static final ScalaFeelLogger LOGGER = ScalaFeelLogger.LOGGER;

  private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

  public DecisionFeel(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, false);
    if (parsed == null) {
      return super.evaluateSimpleExpression(expression, variableContext);
    }
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    return (T) value(feelEngine.eval(parsed, context));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, true);
    if (parsed == null) {
      return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
    StaticVariableProvider input = new StaticVariableProvider(new Map1<>(UnaryTests$.MODULE$.inputVariable(),
        inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    return BoxesRunTime.unboxToBoolean(value(feelEngine.eval(parsed, context)));
  }

  /** How many texts are kept parsed (tests). */
  int kept() {
    return expressions.size() + unaryTests.size();
  }

  /** The parsed text, kept; {@code null} when it does not parse (Camunda's own path then reports it as before). */
  private ParsedExpression parsed(Map<String, ParsedExpression> kept, String text, boolean unary) {
    ParsedExpression parsed = kept.get(text);
    if (parsed != null) {
      return parsed;
    }
    Either<Failure, ParsedExpression> result = unary ? feelEngine.parseUnaryTests(text)
        : feelEngine.parseExpression(text);
    if (result.isLeft()) {
      return null;
    }
    parsed = ((Right<Failure, ParsedExpression>) result).value();
    if (kept.size() < MAX_KEPT) {
      kept.put(text, parsed);
    }
    return parsed;
  }

  private static Object value(Either<Failure, Object> result) {
    if (result instanceof Left<Failure, Object> left) {
      throw LOGGER.evaluationException(left.value().message());
    }
    return ((Right<Failure, Object>) result).value();
  }
}
