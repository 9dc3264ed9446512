package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** A person's input error is one WARN line, not an ERROR with a stack trace (issue 16); real errors stay ERROR. */
@MesaSpringTest
class UserInputLoggingTest {

  @Autowired RuntimeService runtimeService;

  final ListAppender<ILoggingEvent> engine = new ListAppender<>();
  final ListAppender<ILoggingEvent> input = new ListAppender<>();

  @BeforeEach
  void listen() {
    engine.start();
    input.start();
    logger(UserInputLogging.ENGINE_CONTEXT_LOGGER).addAppender(engine);
    logger(UserInputLogging.LOGGER).addAppender(input);
  }

  @AfterEach
  void stopListening() {
    logger(UserInputLogging.ENGINE_CONTEXT_LOGGER).detachAppender(engine);
    logger(UserInputLogging.LOGGER).detachAppender(input);
  }

  @Test
  void aRefusedStartIsOneWarningLine() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Ana López");
    variables.put("requesterEmail", "ana.lopez@institucion.gob");
    variables.put("department", "operaciones");
    variables.put("assetTag", "INV-0042");
    variables.put("softwareName", "Programa que no existe en ningún catálogo");
    variables.put("softwareVersion", "1");
    variables.put("justification", "Para probar el registro");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("software-installation", variables))
        .isInstanceOf(InvalidInputException.class);

    assertThat(engine.list).noneMatch(event -> event.getLevel() == Level.ERROR);
    assertThat(input.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).startsWith("Entrada rechazada: «Programa que no existe")
          .doesNotContain("\n");
      assertThat(event.getThrowableProxy()).isNull();
    });
  }

  @Test
  void anyOtherEngineErrorIsStillLoggedAsAnError() {
    LoggerFactory.getLogger(UserInputLogging.ENGINE_CONTEXT_LOGGER)
        .error("ENGINE-16004 Exception while closing command context: {}", "falla", new IllegalStateException("x"));
    assertThat(engine.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.ERROR);
      assertThat(event.getThrowableProxy()).isNotNull();
    });
    assertThat(input.list).isEmpty();
  }

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }
}
