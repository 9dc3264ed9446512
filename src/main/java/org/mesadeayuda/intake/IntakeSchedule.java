package org.mesadeayuda.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reads the intake mailbox every {@code mesa.intake.poll-interval} on every node (the ledger's claims keep two nodes
 * from handling one message); does nothing while {@code mesa.intake.host} is not set.
 */
@Configuration
@EnableScheduling
// no scheduler at all while intake is off (tests, installations without a mailbox)
@ConditionalOnExpression("!'${mesa.intake.host:}'.isBlank()")
public class IntakeSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeSchedule.class);

  private final MailIntake intake;
  private final IntakeProperties properties;

  IntakeSchedule(MailIntake intake, IntakeProperties properties) {
    this.intake = intake;
    this.properties = properties;
    if (properties.configured()) {
      LOG.info("E-mail intake on: {} mailbox {} at {}, every {}", properties.protocol(), properties.username(),
          properties.host(), properties.pollInterval());
    }
  }

  @Scheduled(initialDelayString = "${mesa.intake.poll-interval:PT1M}",
      fixedDelayString = "${mesa.intake.poll-interval:PT1M}")
  void poll() {
    if (!properties.configured()) {
      return;
    }
    try {
      MailIntake.Reading reading = intake.poll(properties);
      if (reading.handled() + reading.failed() > 0) {
        LOG.info("E-mail intake: {} messages handled, {} to try again or refused", reading.handled(),
            reading.failed());
      }
    } catch (RuntimeException e) {
      // the mail server or the database is unreachable, or a setting is wrong: said at every reading until fixed
      LOG.error("E-mail intake: {}", e.getMessage());
    }
  }
}
