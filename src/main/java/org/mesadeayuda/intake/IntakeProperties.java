package org.mesadeayuda.intake;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The intake mailbox (SR-1 by e-mail, README "Intake by e-mail"): off until {@code host} is set.
 *
 * @param protocol {@code imaps} (IMAP over TLS, the default), {@code imap} (with {@code starttls}: upgraded to TLS),
 *     {@code pop3s} or {@code pop3}
 * @param host the mail server; empty = intake off
 * @param port the server's port; 0 = the protocol's own (993, 143, 995, 110)
 * @param username the mailbox's account
 * @param password its password (from the environment: MESA_INTAKE_PASSWORD)
 * @param folder the IMAP folder read (POP3 has only INBOX)
 * @param starttls with {@code imap} or {@code pop3}: require the upgrade to TLS before logging in
 * @param pollInterval time between two readings of the mailbox, on every node
 * @param batchSize messages handled per reading at most (the rest wait for the next one)
 * @param deleteProcessed delete handled messages from the server; otherwise IMAP marks them read and POP3 leaves them
 *     (handled messages are skipped by their Message-ID either way)
 * @param unknownSenders what becomes of a message whose sender is no staff user: {@code desk} (a request for the desk
 *     to qualify) or {@code refuse} (a polite answer saying the mailbox serves staff only)
 * @param department the department given to requests by e-mail when the sender's is not known (required: a code of
 *     {@code mesa.institution.departments})
 * @param requestType the request type e-mails get until the desk qualifies them in its review
 * @param impact the impact e-mails get until the desk sets the priority in its review
 * @param urgency the urgency e-mails get until the desk sets the priority in its review
 * @param claimDuration how long a node's claim on a message holds before another node may take it over
 * @param timeout connection and read timeout with the mail server
 * @param systemUser the name recorded as the uploader of files from senders who are no staff user
 */
@ConfigurationProperties("mesa.intake")
public record IntakeProperties(
    @DefaultValue("imaps") String protocol,
    String host,
    @DefaultValue("0") int port,
    String username,
    String password,
    @DefaultValue("INBOX") String folder,
    @DefaultValue("false") boolean starttls,
    @DefaultValue("PT1M") Duration pollInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("false") boolean deleteProcessed,
    @DefaultValue("desk") UnknownSenders unknownSenders,
    String department,
    @DefaultValue("other") String requestType,
    @DefaultValue("low") String impact,
    @DefaultValue("low") String urgency,
    @DefaultValue("PT10M") Duration claimDuration,
    @DefaultValue("PT30S") Duration timeout,
    @DefaultValue("correo-entrante") String systemUser) {

  /** What becomes of a message from an address no staff user has. */
  public enum UnknownSenders { DESK, REFUSE }

  public IntakeProperties {
    protocol = protocol == null ? "imaps" : protocol.trim().toLowerCase(Locale.ROOT);
    if (!java.util.Set.of("imap", "imaps", "pop3", "pop3s").contains(protocol)) {
      throw new IllegalArgumentException("mesa.intake.protocol must be imap, imaps, pop3 or pop3s, not " + protocol);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("mesa.intake.batch-size must be at least 1");
    }
  }

  /** Off unless a mail server is configured. */
  public boolean configured() {
    return host != null && !host.isBlank();
  }

  boolean imap() {
    return protocol.startsWith("imap");
  }

  /** The same mailbox with another policy for unknown senders. */
  public IntakeProperties withUnknownSenders(UnknownSenders policy) {
    return new IntakeProperties(protocol, host, port, username, password, folder, starttls, pollInterval, batchSize,
        deleteProcessed, policy, department, requestType, impact, urgency, claimDuration, timeout, systemUser);
  }
}
