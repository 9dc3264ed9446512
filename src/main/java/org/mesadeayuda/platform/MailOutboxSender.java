package org.mesadeayuda.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.mail.internet.MimeMessage;
import org.mesadeayuda.platform.MailOutbox.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox's e-mails through the mail server, in batches: the e-mails are claimed (conditional updates in a
 * short transaction of their own), sent over one SMTP connection, then marked sent or failed in another short
 * transaction, so no database transaction waits on the mail server and two nodes never send the same e-mail at once.
 * Issue 19: one connection and three transactions per batch instead of a connection and five transactions per e-mail;
 * the steps that queue e-mails only write the outbox row and wake the sender. A failed e-mail waits for a capped
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
  /** E-mails whose step has committed, waiting for a background drainer ({@code after-commit: background}). */
  private final LinkedBlockingQueue<Long> committed = new LinkedBlockingQueue<>(AFTER_COMMIT_QUEUE);
  private final AtomicInteger drainers = new AtomicInteger();
  /** E-mails this sender is delivering right now. */
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

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

  /**
   * The claim a step's e-mail is queued with when this sender will try it right after the commit: the row is this
   * sender's from the start, so delivering it needs no claim of its own (no update, no commit; issue 19). Null when
   * nothing is tried after the commit ({@code after-commit: none}): the row is queued free for the scheduled sender.
   * Should the after-commit attempt not happen (the node dies, its queue is full), the claim expires after
   * {@code claimDuration} and any node's scheduled sender takes the e-mail, as after a crash while sending.
   */
  public MailOutbox.Claim claimForAfterCommit() {
    return properties.afterCommit() == MailOutboxProperties.AfterCommit.NONE ? null
        : new MailOutbox.Claim(owner, clock.instant().plus(properties.claimDuration()));
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
    List<Long> due = inTransaction(() -> outbox.due(now, properties.batchSize()));
    return due.isEmpty() ? 0 : deliver(due, now).sent();
  }

  /**
   * Tries one e-mail right after the transaction that queued it has committed ({@code mesa.mail.outbox.after-commit}).
   * In the background by default: the committing thread (a job executor's, a web request's) still holds its database
   * connection at this point and should neither wait for the mail server nor take a second connection.
   */
  public void afterCommit(long id) {
    switch (properties.afterCommit()) {
      case BACKGROUND -> {
        // a full queue: the scheduled sender's next pass takes the e-mail
        if (committed.offer(id)) {
          startDrainer();
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

  /**
   * At most {@code afterCommitThreads} drainers at once, each sending what has committed meanwhile as one batch: under
   * load the e-mails of many steps leave over one connection, and no step ever waits for the mail server.
   */
  private void startDrainer() {
    while (true) {
      int running = drainers.get();
      if (running >= properties.afterCommitThreads()) {
        return;
      }
      if (drainers.compareAndSet(running, running + 1)) {
        break;
      }
    }
    try {
      afterCommitPool().execute(this::drain);
    } catch (RejectedExecutionException stopping) {
      drainers.decrementAndGet();
    }
  }

  private void drain() {
    try {
      linger();
      List<Long> batch = new ArrayList<>();
      while (committed.drainTo(batch, properties.batchSize()) > 0) {
        try {
          deliver(batch, clock.instant());
        } catch (RuntimeException e) {
          // the steps have committed; their e-mails stay in the outbox for the scheduled sender
          LOG.warn("E-mails {} stay in the outbox: {}", batch, e.toString());
        }
        batch.clear();
      }
    } finally {
      drainers.decrementAndGet();
    }
    if (!committed.isEmpty()) {
      // queued between the last look and the decrement
      startDrainer();
    }
  }

  /**
   * Under load, the steps of other cases commit their e-mails within milliseconds of each other: waiting a moment
   * before the first batch lets them leave together (one claim, one connection, one mark for all) instead of one
   * batch each. Alone, an e-mail leaves {@code afterCommitLinger} later, nothing a person notices.
   */
  private void linger() {
    long linger = properties.afterCommitLinger().toMillis();
    if (linger > 0 && committed.size() < properties.batchSize()) {
      try {
        Thread.sleep(linger);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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
    return deliver(List.of(id), now).outcomeOf(id);
  }

  /** What became of a batch: how many went, and each e-mail's outcome. */
  record BatchResult(Map<Long, Outcome> outcomes) {
    int sent() {
      return (int) outcomes.values().stream().filter(Outcome.SENT::equals).count();
    }

    Outcome outcomeOf(long id) {
      return outcomes.getOrDefault(id, Outcome.TAKEN_BY_ANOTHER_SENDER);
    }
  }

  /**
   * Claims {@code ids} (those another sender holds or has sent are skipped), sends them over one connection and
   * records each one's outcome. Until the rows are marked sent they stay claimed, so a crash in between sends them
   * again after the claim expires (at least once).
   */
  BatchResult deliver(List<Long> ids, Instant now) {
    // an e-mail this sender is already delivering (a second notice for the same row) is left to that delivery
    List<Long> mine = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(ids)) {
      if (inFlight.add(id)) {
        mine.add(id);
      }
    }
    try {
      return deliverClaimed(mine, now);
    } finally {
      mine.forEach(inFlight::remove);
    }
  }

  private BatchResult deliverClaimed(List<Long> ids, Instant now) {
    Instant until = now.plus(properties.claimDuration());
    Map<Long, List<MailAttachment>> attachments = new HashMap<>();
    Map<Long, MailThread> threads = new HashMap<>();
    // the claim and what the claimed e-mails carry, in one short transaction (issue 19: one commit less per batch).
    // Rows queued already claimed by this sender are read, not claimed again, while at least half their claim is
    // left (the time a delivery may take); the others are claimed with a conditional update each.
    Instant heldLongEnough = now.plus(properties.claimDuration().dividedBy(2));
    List<OutgoingMail> claimed = inTransaction(() -> {
      List<OutgoingMail> taken = new ArrayList<>(outbox.heldBy(ids, owner, heldLongEnough));
      Set<Long> held = new HashSet<>();
      taken.forEach(mail -> held.add(mail.id()));
      ids.stream().filter(id -> !held.contains(id)).map(id -> outbox.claim(id, owner, now, until))
          .flatMap(Optional::stream).forEach(taken::add);
      if (!taken.isEmpty()) {
        List<Long> takenIds = taken.stream().map(OutgoingMail::id).toList();
        attachments.putAll(outbox.attachments(takenIds));
        threads.putAll(outbox.threadsOf(takenIds));
      }
      return taken;
    });
    Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    if (claimed.isEmpty()) {
      return new BatchResult(outcomes);
    }
    claimed.forEach(mail -> attachments.putIfAbsent(mail.id(), List.of()));

    Map<Long, RuntimeException> failures = new HashMap<>();
    // identity, in the outbox's order: two e-mails may well be equal (the same notice to the same person)
    Map<SimpleMailMessage, OutgoingMail> plain = new IdentityHashMap<>();
    List<SimpleMailMessage> plainOrder = new ArrayList<>();
    Map<MimeMessage, OutgoingMail> mime = new IdentityHashMap<>();
    List<MimeMessage> mimeOrder = new ArrayList<>();
    for (OutgoingMail mail : claimed) {
      List<MailAttachment> files = attachments.get(mail.id());
      MailThread thread = threads.get(mail.id());
      if (files.isEmpty() && thread == null) {
        SimpleMailMessage message = message(mail);
        plain.put(message, mail);
        plainOrder.add(message);
      } else {
        try {
          MimeMessage message = mailServer.createMimeMessage();
          mime(mail, files, thread).prepare(message);
          mime.put(message, mail);
          mimeOrder.add(message);
        } catch (Exception e) {
          failures.put(mail.id(), e instanceof RuntimeException runtime ? runtime
              : new MailSendException("the e-mail could not be prepared", e));
        }
      }
    }
    if (!plain.isEmpty()) {
      sendOverOneConnection(plainOrder, plain, messages -> mailServer.send(messages.toArray(SimpleMailMessage[]::new)),
          message -> mailServer.send(message), failures);
    }
    if (!mime.isEmpty() && !anyUnreachable(failures)) {
      sendOverOneConnection(mimeOrder, mime, messages -> mailServer.send(messages.toArray(MimeMessage[]::new)),
          message -> mailServer.send(message), failures);
    } else if (!mime.isEmpty()) {
      RuntimeException unreachable = failures.values().stream().filter(MailOutboxSender::unreachable).findFirst()
          .orElseThrow();
      mime.values().forEach(mail -> failures.put(mail.id(), unreachable));
    }

    Instant sentAt = clock.instant();
    boolean retryWentThrough = false;
    for (OutgoingMail mail : claimed) {
      RuntimeException failure = failures.get(mail.id());
      if (failure == null) {
        outcomes.put(mail.id(), Outcome.SENT);
        retryWentThrough |= mail.attempts() > 0;
      } else {
        outcomes.put(mail.id(), unreachable(failure) ? Outcome.SERVER_UNREACHABLE : Outcome.FAILED);
      }
    }
    inTransaction(() -> {
      List<Long> sent = new ArrayList<>();
      Set<Long> withFiles = new HashSet<>();
      for (OutgoingMail mail : claimed) {
        RuntimeException failure = failures.get(mail.id());
        if (failure != null) {
          recordFailure(mail, now, failure);
        } else {
          sent.add(mail.id());
          if (!attachments.get(mail.id()).isEmpty()) {
            withFiles.add(mail.id());
          }
        }
      }
      // one round trip for the whole batch
      for (Long lost : outbox.markSent(sent, withFiles, owner, sentAt)) {
        LOG.warn("E-mail {} was sent but its claim had expired: another sender may send it again", lost);
      }
      return null;
    });
    if (retryWentThrough) {
      // a retry went through: the server is back, so what waits for it need not sit out its backoff
      int released = inTransaction(() -> outbox.makeAllDue(now));
      LOG.info("A retried e-mail went through; {} waiting e-mails are due again", released);
    }
    return new BatchResult(outcomes);
  }

  /**
   * Sends {@code messages} in one call of the mail sender (Spring's opens one connection for all of them and reports
   * each one that failed). A failure that names no message: the server was not reached (all failed), or it is unknown
   * which one the server refused, so each is tried on its own.
   */
  private <M> void sendOverOneConnection(List<M> all, Map<M, OutgoingMail> messages,
      java.util.function.Consumer<List<M>> sendAll, java.util.function.Consumer<M> sendOne,
      Map<Long, RuntimeException> failures) {
    try {
      sendAll.accept(all);
      return;
    } catch (MailSendException e) {
      if (!e.getFailedMessages().isEmpty()) {
        e.getFailedMessages().forEach((message, cause) -> {
          OutgoingMail mail = messages.get(message);
          if (mail != null) {
            failures.put(mail.id(), new MailSendException(String.valueOf(cause.getMessage()), cause));
          }
        });
        return;
      }
      if (unreachable(e)) {
        messages.values().forEach(mail -> failures.put(mail.id(), e));
        return;
      }
    } catch (RuntimeException e) {
      if (unreachable(e) || all.size() == 1) {
        messages.values().forEach(mail -> failures.put(mail.id(), e));
        return;
      }
    }
    for (M message : all) {
      try {
        sendOne.accept(message);
      } catch (RuntimeException e) {
        failures.put(messages.get(message).id(), e);
        if (unreachable(e)) {
          // the server is gone: the rest would only wait for the same timeout
          all.subList(all.indexOf(message) + 1, all.size()).forEach(rest -> failures.put(messages.get(rest).id(), e));
          return;
        }
      }
    }
  }

  private static boolean anyUnreachable(Map<Long, RuntimeException> failures) {
    return failures.values().stream().anyMatch(MailOutboxSender::unreachable);
  }

  private Outcome recordFailure(OutgoingMail mail, Instant now, RuntimeException e) {
    int attempts = mail.attempts() + 1;
    Duration delay = properties.retryDelay(attempts);
    String error = describe(e);
    outbox.markFailed(mail.id(), owner, now, error, now.plus(delay));
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
