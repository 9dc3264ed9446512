package org.mesadeayuda.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The intake's scheduler exists only when a mail server is configured, and a failed reading never stops it. */
class IntakeScheduleTest {

  final MailIntake intake = mock(MailIntake.class);

  final ApplicationContextRunner context = new ApplicationContextRunner()
      .withBean(MailIntake.class, () -> intake)
      .withBean(IntakeProperties.class, () -> properties("imap.institucion.gob"))
      .withUserConfiguration(IntakeSchedule.class);

  @Test
  void withoutAHostThereIsNoScheduler() {
    context.run(started -> assertThat(started).doesNotHaveBean(IntakeSchedule.class));
    context.withPropertyValues("mesa.intake.host=")
        .run(started -> assertThat(started).doesNotHaveBean(IntakeSchedule.class));
  }

  @Test
  void withAHostEachReadingPollsTheMailboxAndAnUnreachableServerIsOnlyLogged() {
    when(intake.poll(any())).thenThrow(new IllegalStateException("intake mailbox could not be read"));
    context.withPropertyValues("mesa.intake.host=imap.institucion.gob").run(started -> {
      assertThat(started).hasSingleBean(IntakeSchedule.class);
      started.getBean(IntakeSchedule.class).poll();
      verify(intake).poll(any());
    });
  }

  static IntakeProperties properties(String host) {
    return new IntakeProperties("imaps", host, 0, "mesa", "clave", "INBOX", false, Duration.ofMinutes(1), 20, false,
        IntakeProperties.UnknownSenders.DESK, "tecnologia", "other", "low", "low", Duration.ofMinutes(10),
        Duration.ofSeconds(30), "correo-entrante");
  }
}
