package org.mesadeayuda.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A person's input error is no failure of the application: the engine logs every exception that rolls a command back
 * as an ERROR with its stack trace ({@code ENGINE-16004 Exception while closing command context}), so a mistyped form
 * (a refused start, a refused completion) looked like a crash in the log and buried the real ones. When the exception
 * is a refusal of what someone typed ({@link InvalidInputException}, {@link InvalidFieldsException}, anywhere in its
 * causes), that entry becomes one WARN line on {@value #LOGGER} with the reason; every other engine error is logged as
 * before.
 */
@Component
public class UserInputLogging {

  static final String LOGGER = "org.mesadeayuda.input";
  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @PostConstruct
  void install() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(InputRefusals.class::isInstance)) {
      context.addTurboFilter(new InputRefusals());
    }
  }

  /** The user-input refusal among an exception's causes, if it is one. */
  static Throwable userInput(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof InvalidInputException || cause instanceof InvalidFieldsException) {
        return cause;
      }
    }
    return null;
  }

  static final class InputRefusals extends TurboFilter {
    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
        Object[] params, Throwable thrown) {
      if (level != Level.ERROR || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
        return FilterReply.NEUTRAL;
      }
      Throwable candidate = thrown;
      if (candidate == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t) {
        candidate = t;
      }
      Throwable input = userInput(candidate);
      if (input == null) {
        return FilterReply.NEUTRAL;
      }
      LOG.warn("Entrada rechazada: {}", input.getMessage().replace('\n', ' '));
      return FilterReply.DENY;
    }
  }
}
