package org.mesadeayuda;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application started in the test JVM the port of the tests' SMTP server ({@link TestMail#PORT}), which
 * the test profile's {@code spring.mail.port} reads: the shared context may start before any test class has touched
 * {@link TestMail}, and must still send where GreenMail listens. Registered in the tests' META-INF/spring.factories.
 */
public class TestMailPort implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addFirst(
        new MapPropertySource("testMailPort", Map.of(TestMail.PROPERTY, TestMail.PORT)));
  }
}
