package org.mesadeayuda.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox's sender every {@code mesa.mail.outbox.poll-interval} on every node (the claims keep nodes from
 * sending the same e-mail). Off in the tests ({@code mesa.mail.outbox.background-sender: false}), which deliver by
 * hand so they never wait.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "mesa.mail.outbox.background-sender", havingValue = "true", matchIfMissing = true)
public class MailOutboxSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutboxSchedule.class);

  private final MailOutboxSender sender;

  public MailOutboxSchedule(MailOutboxSender sender) {
    this.sender = sender;
  }

  @Scheduled(initialDelayString = "${mesa.mail.outbox.poll-interval:PT2S}",
      fixedDelayString = "${mesa.mail.outbox.poll-interval:PT2S}")
  void sendDue() {
    try {
      sender.sendDue();
    } catch (RuntimeException e) {
      // e.g. the database is briefly unreachable: the next pass tries again
      LOG.warn("Mail outbox pass failed: {}", e.toString());
    }
  }
}
