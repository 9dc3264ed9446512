package org.mesadeayuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Two builds on one machine: the tests' SMTP server and the application under test agree on a port nobody fixed. */
@MesaSpringTest
class TestMailTest {

  @Autowired JavaMailSenderImpl mailSender;

  @Test
  void theApplicationSendsWhereTheTestsMailServerListens() {
    assertThat(mailSender.getPort()).isEqualTo(TestMail.PORT);
  }

  @Test
  void withoutAFixedPortTheTestsTakeAFreeOneNotTheWellKnown3025() {
    assumeTrue(TestMail.CONFIGURED == 0, "the build fixed the port (-Dmesa.test.smtp-port)");
    assertThat(TestMail.PORT).isPositive().isNotEqualTo(3025);
  }
}
