package org.mesadeayuda.platform;

import java.time.Instant;
import java.util.List;
import org.mesadeayuda.platform.MailOutbox.OutgoingMail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the operators (the desk and the Technology Directorate) see of the mail outbox: the e-mails waiting for the
 * mail server, with their attempts and last error, or the last ones sent. Read-only, and never the bodies (some carry
 * a remote-access identifier).
 */
@RestController
@RequestMapping("/api/mail-outbox")
public class MailOutboxController {

  private static final String READERS = "solo la mesa de ayuda y la Dirección de Tecnología consultan los correos "
      + "pendientes de envío";
  private static final int MAX_ROWS = 200;

  private final MailOutbox outbox;
  private final CurrentUser currentUser;

  public MailOutboxController(MailOutbox outbox, CurrentUser currentUser) {
    this.outbox = outbox;
    this.currentUser = currentUser;
  }

  public record Entry(long id, String template, String to, String subject, String state, Instant createdAt,
      int failedAttempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError, Instant sentAt) {

    static Entry of(OutgoingMail mail) {
      boolean pending = MailOutbox.PENDING.equals(mail.state());
      return new Entry(mail.id(), mail.template(), mail.to(), mail.subject(), mail.state(), mail.createdAt(),
          mail.attempts(), pending ? mail.nextAttemptAt() : null, mail.lastAttemptAt(), mail.lastError(),
          mail.sentAt());
    }
  }

  /** The queue: {@code pending} (default) oldest first, or {@code sent} newest first; at most 200 rows. */
  public record Listing(String state, long total, List<Entry> mails) {}

  @GetMapping
  public Listing list(@RequestParam(defaultValue = MailOutbox.PENDING) String state) {
    currentUser.requireOneOf(READERS, Role.MESA_AYUDA, Role.DIRECTOR_TI);
    if (!MailOutbox.PENDING.equals(state) && !MailOutbox.SENT.equals(state)) {
      throw new InvalidFieldsException(List.of(new FieldProblem("state", "debe ser pending o sent")));
    }
    return new Listing(state, outbox.count(state),
        outbox.list(state, MAX_ROWS).stream().map(Entry::of).toList());
  }
}
