package org.mesadeayuda.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mesadeayuda.platform.MailOutbox.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox's e-mails through the mail server. Each e-mail is claimed (a conditional update in a short
 * transaction of its own), sent, then marked sent or failed in another short transaction, so no database transaction
 * waits on the mail server and two nodes never send the same e-mail at once. A failed e-mail waits for a capped
 * exponential backoff and is tried again, forever; from {@code alertAfterAttempts} failures on, each failure is an
 * error in the log.
 *
 * <p>At least once, not exactly once: if the node dies (or loses the database) after the server accepted an e-mail
 * and before the row is marked sent, the claim expires and the e-mail is sent again. Without crashes each e-mail is
 * sent once.
 */
@Component
public class MailOutboxSender implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutboxSender.class);
  private static final int AFTER_COMMIT_QUEUE = 10_000;

  /** What became of one e-mail. */
  enum Outcome { SENT, FAILED, SERVER_UNREACHABLE, TAKEN_BY_ANOTHER_SENDER }

  private final MailOutbox outbox;
  private final JavaMailSender mailServer;
  private final MailOutboxProperties properties;
  private final Clock clock;
  private final String owner;
  private final TransactionTemplate ownTransaction;
  private volatile Instant nextCleanup = Instant.MIN;
  private ExecutorService afterCommitPool;

  @Autowired
  public MailOutboxSender(MailOutbox outbox, JavaMailSender mailServer, MailOutboxProperties properties,
      PlatformTransactionManager transactionManager, @Value("${mesa.cluster.node-name:}") String nodeName) {
    this(outbox, mailServer, properties, transactionManager, Clock.systemUTC(), ownerName(nodeName));
  }

  MailOutboxSender(MailOutbox outbox, JavaMailSender mailServer, MailOutboxProperties properties,
      PlatformTransactionManager transactionManager, Clock clock, String owner) {
    this.outbox = outbox;
    this.mailServer = mailServer;
    this.properties = properties;
    this.clock = clock;
    this.owner = owner;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    // also when called right after a commit, while the committed transaction's connection is still bound
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Sends every e-mail due now; returns how many were sent. */
  public int sendDue() {
    return sendDue(clock.instant());
  }

  /**
   * Sends every e-mail due by {@code now} (tests pass a later time to skip the backoff). Stops the pass at the first
   * failure to reach the server: the remaining e-mails would only wait for the same connection timeout.
   */
  public int sendDue(Instant now) {
    deleteOldSentMail(now);
    int sent = 0;
    for (Long id : inTransaction(() -> outbox.due(now, properties.batchSize()))) {
      Outcome outcome = deliver(id, now);
      if (outcome == Outcome.SENT) {
        sent++;
      } else if (outcome == Outcome.SERVER_UNREACHABLE) {
        break;
      }
    }
    return sent;
  }

  /**
   * Tries one e-mail right after the transaction that queued it has committed ({@code mesa.mail.outbox.after-commit}).
   * In the background by default: the committing thread (a job executor's, a web request's) still holds its database
   * connection at this point and should neither wait for the mail server nor take a second connection.
   */
  public void afterCommit(long id) {
    switch (properties.afterCommit()) {
      case BACKGROUND -> {
        try {
          afterCommitPool().execute(() -> sendNow(id));
        } catch (RejectedExecutionException busyOrStopping) {
          // the queue is full or the node is stopping: the scheduled sender's next pass takes the e-mail
        }
      }
      case SAME_THREAD -> sendNow(id);
      case NONE -> { }
    }
  }

  private void sendNow(long id) {
    try {
      deliver(id, clock.instant());
    } catch (RuntimeException e) {
      // the step that queued the e-mail has committed; its e-mail stays in the outbox for the scheduled sender
      LOG.warn("E-mail {} stays in the outbox: {}", id, e.toString());
    }
  }

  private synchronized ExecutorService afterCommitPool() {
    if (afterCommitPool == null) {
      AtomicInteger threads = new AtomicInteger();
      afterCommitPool = new ThreadPoolExecutor(properties.afterCommitThreads(), properties.afterCommitThreads(), 0,
          TimeUnit.SECONDS, new LinkedBlockingQueue<>(AFTER_COMMIT_QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "mail-outbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
    }
    return afterCommitPool;
  }

  @Override
  public synchronized void destroy() {
    if (afterCommitPool != null) {
      afterCommitPool.shutdown();
    }
  }

  /** Stops the background pool once it has tried what it was given (tests). */
  boolean stopAfterCommitPool(Duration wait) throws InterruptedException {
    destroy();
    ExecutorService pool;
    synchronized (this) {
      pool = afterCommitPool;
    }
    return pool == null || pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  Outcome deliver(long id, Instant now) {
    Optional<OutgoingMail> claimed =
        inTransaction(() -> outbox.claim(id, owner, now, now.plus(properties.claimDuration())));
    if (claimed.isEmpty()) {
      return Outcome.TAKEN_BY_ANOTHER_SENDER;
    }
    OutgoingMail mail = claimed.get();
    try {
      List<MailAttachment> attachments = inTransaction(() -> outbox.attachments(id));
      Optional<MailThread> thread = inTransaction(() -> outbox.threadOf(id));
      if (attachments.isEmpty() && thread.isEmpty()) {
        mailServer.send(message(mail));
      } else {
        mailServer.send(mime(mail, attachments, thread.orElse(null)));
      }
    } catch (RuntimeException e) {
      return recordFailure(mail, now, e);
    }
    if (!inTransaction(() -> outbox.markSent(id, owner, clock.instant()))) {
      LOG.warn("E-mail {} was sent but its claim had expired: another sender may send it again", id);
    }
    if (mail.attempts() > 0) {
      // a retry went through: the server is back, so what waits for it need not sit out its backoff
      int released = inTransaction(() -> outbox.makeAllDue(now));
      LOG.info("E-mail {} sent after {} failed attempts; {} waiting e-mails are due again", id, mail.attempts(),
          released);
    }
    return Outcome.SENT;
  }

  private Outcome recordFailure(OutgoingMail mail, Instant now, RuntimeException e) {
    int attempts = mail.attempts() + 1;
    Duration delay = properties.retryDelay(attempts);
    String error = describe(e);
    inTransaction(() -> outbox.markFailed(mail.id(), owner, now, error, now.plus(delay)));
    if (attempts >= properties.alertAfterAttempts()) {
      LOG.error("E-mail {} to {} ({}) could not be sent after {} attempts; next attempt in {}: {}", mail.id(),
          mail.to(), mail.subject(), attempts, delay, error);
    } else {
      LOG.warn("E-mail {} to {} not sent (attempt {}); next attempt in {}: {}", mail.id(), mail.to(), attempts, delay,
          error);
    }
    return unreachable(e) ? Outcome.SERVER_UNREACHABLE : Outcome.FAILED;
  }

  private void deleteOldSentMail(Instant now) {
    if (now.isBefore(nextCleanup)) {
      return;
    }
    nextCleanup = now.plus(Duration.ofHours(1));
    int deleted = inTransaction(() -> outbox.deleteSentBefore(now.minus(properties.keepSent())));
    if (deleted > 0) {
      LOG.info("Deleted {} e-mails sent more than {} ago from the outbox", deleted, properties.keepSent());
    }
  }

  private static SimpleMailMessage message(OutgoingMail mail) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(mail.from());
    message.setTo(mail.to());
    message.setSubject(mail.subject());
    message.setText(mail.body());
    return message;
  }

  /**
   * The e-mail with its files (documents in PDF), and as an answer in its conversation (In-Reply-To, References) when
   * it has one.
   */
  private static MimeMessagePreparator mime(OutgoingMail mail, List<MailAttachment> attachments, MailThread thread) {
    return mimeMessage -> {
      MimeMessageHelper helper = new MimeMessageHelper(mimeMessage, !attachments.isEmpty(),
          StandardCharsets.UTF_8.name());
      helper.setFrom(mail.from());
      helper.setTo(mail.to());
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      for (MailAttachment attachment : attachments) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
      if (thread != null) {
        mimeMessage.setHeader("In-Reply-To", thread.inReplyTo());
        mimeMessage.setHeader("References", thread.references());
      }
    };
  }

  /** A failure to reach the server (refused, timed out, unknown host) rather than a refusal of this one e-mail. */
  static boolean unreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The failure and its root cause, once (Spring's message often repeats the cause already). */
  private static String describe(Throwable e) {
    String message = String.valueOf(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e || message.contains(String.valueOf(root.getMessage())) ? message : message + " (" + root + ")";
  }

  private static String ownerName(String nodeName) {
    String node = nodeName == null || nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
        : nodeName.trim();
    // unique per start, so a restarted node does not take its previous life's claims for its own
    String name = node + "/" + UUID.randomUUID().toString().substring(0, 8);
    return name.length() > 100 ? name.substring(name.length() - 100) : name;
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return ownTransaction.execute(status -> work.get());
  }
}
