package org.mesadeayuda.intake;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the intake mailbox (IMAP or POP3, Jakarta Mail) and turns each new message into a support request, or into a
 * comment on the case it answers ({@link IntakeHandler}). Exactly once per Message-ID, on any number of nodes and
 * whatever crashes:
 * <ol>
 *   <li>the message is claimed in the database ({@link IntakeLedger#claim}); a message another node holds is left
 *       alone, one already handled is only marked;</li>
 *   <li>the ticket or comment, its files, its answer e-mail (outbox) and "done" in the ledger are written in one
 *       transaction: all of them exist, or none;</li>
 *   <li>then the message is marked in the mailbox (read, or deleted). A crash before this leaves it unread: the next
 *       reading finds it done in the ledger and only marks it.</li>
 * </ol>
 * IMAP messages are read with PEEK, so reading one never marks it read by itself.
 */
@Service
public class MailIntake {

  private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

  /** Where a test makes the intake fail: inside the transaction after the ticket started, or before marking. */
  interface Failures {
    Failures NONE = new Failures() {};

    default void afterHandled(String messageId) {}

    default void beforeMark(String messageId) {}
  }

  /** What one reading did: messages made tickets or comments, answered, ignored; left for later. */
  public record Reading(int handled, int skipped, int failed) {}

  private final IntakeHandler handler;
  private final IntakeLedger ledger;
  private final InstitutionProperties institution;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String owner;
  private volatile Failures failures = Failures.NONE;
  /**
   * When the last reading began that left no new message behind (or this node's start): every message that was in
   * the mailbox then has become a ticket, a comment or a refusal, so no message has waited longer than since then.
   */
  private volatile Instant caughtUpTo;

  @Autowired
  MailIntake(IntakeHandler handler, IntakeLedger ledger, InstitutionProperties institution,
      PlatformTransactionManager transactions, @Value("${mesa.cluster.node-name:}") String nodeName) {
    this(handler, ledger, institution, transactions, Clock.systemUTC(), ownerName(nodeName));
  }

  MailIntake(IntakeHandler handler, IntakeLedger ledger, InstitutionProperties institution,
      PlatformTransactionManager transactions, Clock clock, String owner) {
    this.handler = handler;
    this.ledger = ledger;
    this.institution = institution;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.owner = owner;
    this.caughtUpTo = clock.instant();
  }

  /**
   * The intake's lag: how long a message may have waited in the mailbox without becoming a ticket or comment (README
   * "Metrics and health", {@code mesa_intake_lag_seconds}). It grows while the mailbox cannot be read, while a message
   * keeps failing, and while more messages come in than a reading takes ({@code batch-size}).
   */
  public Duration lag() {
    Duration lag = Duration.between(caughtUpTo, clock.instant());
    return lag.isNegative() ? Duration.ZERO : lag;
  }

  String owner() {
    return owner;
  }

  void inject(Failures failures) {
    this.failures = failures == null ? Failures.NONE : failures;
  }

  /** Reads the mailbox once: at most {@code batchSize} new messages are handled. */
  public Reading poll(IntakeProperties mailbox) {
    check(mailbox);
    Instant started = clock.instant();
    boolean leftBehind = false;
    Session session = Session.getInstance(sessionProperties(mailbox));
    int handled = 0;
    int skipped = 0;
    int failed = 0;
    try (Store store = session.getStore(mailbox.protocol())) {
      store.connect(mailbox.host(), mailbox.port() == 0 ? -1 : mailbox.port(), mailbox.username(),
          mailbox.password());
      Folder folder = store.getFolder(mailbox.imap() ? mailbox.folder() : "INBOX");
      folder.open(Folder.READ_WRITE);
      try {
        Message[] messages = mailbox.imap() ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
            : folder.getMessages();
        for (Message message : messages) {
          if (handled + failed >= mailbox.batchSize()) {
            leftBehind = true;
            break;
          }
          switch (take((MimeMessage) message, mailbox)) {
            case HANDLED -> handled++;
            case SKIPPED -> skipped++;
            case FAILED -> failed++;
            case RETRY -> {
              failed++;
              leftBehind = true;
            }
          }
        }
      } finally {
        // POP3 and deleteProcessed: the messages flagged deleted go now
        folder.close(mailbox.deleteProcessed());
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("intake mailbox " + mailbox.username() + "@" + mailbox.host()
          + " could not be read: " + e.getMessage(), e);
    }
    if (!leftBehind) {
      caughtUpTo = started;
    }
    return new Reading(handled, skipped, failed);
  }

  /** FAILED: refused for good (marked, answered); RETRY: left in the mailbox for the next reading. */
  private enum Taken { HANDLED, SKIPPED, FAILED, RETRY }

  private Taken take(MimeMessage message, IntakeProperties mailbox) throws MessagingException {
    String messageId = MessageReader.messageId(message);
    Instant now = clock.instant();
    String from = message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString();
    IntakeLedger.Claim claim = ledger.claim(messageId, from, message.getSubject(), owner, now,
        now.plus(mailbox.claimDuration()));
    if (claim == IntakeLedger.Claim.TAKEN) {
      return Taken.SKIPPED;
    }
    if (claim == IntakeLedger.Claim.HANDLED) {
      // handled before, but not marked (the node stopped in between): mark it now, start nothing
      mark(message, mailbox);
      return Taken.SKIPPED;
    }
    InboundMessage inbound;
    try {
      inbound = MessageReader.read(message);
    } catch (MessagingException | IOException | RuntimeException e) {
      LOG.warn("Intake: message {} could not be read; it is tried again at the next reading: {}", messageId,
          e.toString());
      ledger.release(messageId, owner, clock.instant(), e.toString());
      return Taken.RETRY;
    }
    try {
      IntakeHandler.Result result = transaction.execute(status -> {
        if (!ledger.begin(messageId, owner, clock.instant())) {
          throw new ClaimLostException(messageId);
        }
        IntakeHandler.Result handled = handler.handle(inbound, mailbox);
        ledger.record(messageId, handled.outcome(), handled.caseNumber(), handled.detail());
        failures.afterHandled(messageId);
        return handled;
      });
      LOG.info("Intake: message {} from {}: {} {}", messageId, inbound.senderAddress(), result.outcome(),
          result.caseNumber() == null ? "" : result.caseNumber());
    } catch (ClaimLostException e) {
      LOG.warn("Intake: message {} was taken over by another node while this one read it", messageId);
      return Taken.SKIPPED;
    } catch (InvalidInputException | AuthorizationException e) {
      // the process refused what this message gives it: no later reading changes that
      LOG.warn("Intake: message {} from {} did not become a request: {}", messageId, inbound.senderAddress(),
          e.getMessage());
      ledger.fail(messageId, owner, clock.instant(), e.getMessage());
      mark(message, mailbox);
      return Taken.FAILED;
    } catch (RuntimeException e) {
      LOG.warn("Intake: message {} from {} is tried again at the next reading: {}", messageId,
          inbound.senderAddress(), e.toString());
      ledger.release(messageId, owner, clock.instant(), e.toString());
      return Taken.RETRY;
    }
    failures.beforeMark(messageId);
    mark(message, mailbox);
    return Taken.HANDLED;
  }

  private static void mark(MimeMessage message, IntakeProperties mailbox) throws MessagingException {
    if (mailbox.deleteProcessed()) {
      message.setFlag(Flags.Flag.DELETED, true);
    } else if (mailbox.imap()) {
      message.setFlag(Flags.Flag.SEEN, true);
    }
  }

  private void check(IntakeProperties mailbox) {
    if (!mailbox.configured()) {
      throw new IllegalStateException("mesa.intake.host is not set: e-mail intake is off");
    }
    if (mailbox.department() == null || institution.department(mailbox.department()).isEmpty()) {
      throw new IllegalStateException("mesa.intake.department (MESA_INTAKE_DEPARTMENT) must name one of "
          + "mesa.institution.departments " + institution.departments().keySet() + ": requests by e-mail from senders "
          + "whose department is not known are filed there; now it is '" + mailbox.department() + "'");
    }
  }

  static Properties sessionProperties(IntakeProperties mailbox) {
    String prefix = "mail." + mailbox.protocol() + ".";
    String timeout = String.valueOf(mailbox.timeout().toMillis());
    Properties properties = new Properties();
    properties.put(prefix + "connectiontimeout", timeout);
    properties.put(prefix + "timeout", timeout);
    properties.put(prefix + "writetimeout", timeout);
    if (mailbox.imap()) {
      // fetching a message must not mark it read: only a handled message is marked (crash safety)
      properties.put(prefix + "peek", "true");
    }
    if (mailbox.protocol().endsWith("s")) {
      properties.put(prefix + "ssl.checkserveridentity", "true");
    } else if (mailbox.starttls()) {
      properties.put(prefix + "starttls.enable", "true");
      properties.put(prefix + "starttls.required", "true");
      properties.put(prefix + "ssl.checkserveridentity", "true");
    }
    return properties;
  }

  private static String ownerName(String nodeName) {
    String node = nodeName == null || nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
        : nodeName.trim();
    String name = node + "/" + UUID.randomUUID().toString().substring(0, 8);
    return name.length() > 100 ? name.substring(name.length() - 100) : name;
  }

  private static final class ClaimLostException extends RuntimeException {
    ClaimLostException(String messageId) {
      super("claim on " + messageId + " lost");
    }
  }
}
