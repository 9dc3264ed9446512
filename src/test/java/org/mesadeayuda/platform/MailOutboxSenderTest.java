package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.TestClock;
import org.mesadeayuda.platform.MailOutbox.OutgoingMail;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox's claims and backoff on a database of their own (the V11 table on in-memory H2), with two senders for two
 * nodes, a mail server that records or fails, and a clock the test moves.
 */
class MailOutboxSenderTest {

  static final Instant START = Instant.parse("2026-11-09T15:00:00Z");
  static final MailOutboxProperties PROPERTIES = properties(MailOutboxProperties.AfterCommit.NONE, 2, Duration.ZERO);

  /** The outbox's defaults (claim 5 minutes, backoff 30 s to 15 minutes) with this after-commit attempt. */
  static MailOutboxProperties properties(MailOutboxProperties.AfterCommit afterCommit, int threads, Duration linger) {
    return new MailOutboxProperties(true, Duration.ofSeconds(2), afterCommit, threads, linger, Duration.ofSeconds(30),
        Duration.ofMinutes(15), 5, Duration.ofMinutes(5), 50, Duration.ofDays(30));
  }

  MailOutbox outbox;
  JdbcTemplate jdbc;
  TestClock clock = new TestClock(START);
  FakeMailServer server = new FakeMailServer();
  MailOutboxSender nodeA;
  MailOutboxSender nodeB;
  DataSourceTransactionManager transactions;

  @BeforeEach
  void setUp() throws IOException {
    DataSource dataSource = newDatabase();
    jdbc = new JdbcTemplate(dataSource);
    // the outbox (V11), its attachments (V26; kept documents by reference, V32) and the conversations its e-mails
    // answer in (V25_1)
    for (String script : List.of("V11__mail_outbox.sql", "V25_1__mail_outbox_thread.sql",
        "V26__documents_and_mail_attachments.sql", "V32__mail_attachment_by_document.sql")) {
      String migration = new ClassPathResource("db/migration/" + script)
          .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^\\s*--.*$", "");
      for (String statement : migration.split(";")) {
        if (!statement.isBlank()) {
          jdbc.execute(statement);
        }
      }
    }
    outbox = new MailOutbox(jdbc);
    transactions = new DataSourceTransactionManager(dataSource);
    nodeA = new MailOutboxSender(outbox, server, PROPERTIES, transactions, clock, "node-a");
    nodeB = new MailOutboxSender(outbox, server, PROPERTIES, transactions, clock, "node-b");
  }

  /** An empty database of its own for each test (PostgreSQL in {@link MailOutboxSenderPostgresTest}). */
  DataSource newDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  @Test
  void sendsEachDueMailOnceAndMarksItSent() {
    long first = queue("ana@institucion.gob");
    long second = queue("tomas@institucion.gob");

    assertThat(nodeA.sendDue()).isEqualTo(2);
    assertThat(server.delivered).extracting(message -> message.getTo()[0])
        .containsExactly("ana@institucion.gob", "tomas@institucion.gob");
    assertThat(outbox.find(first).orElseThrow().state()).isEqualTo(MailOutbox.SENT);
    assertThat(outbox.find(second).orElseThrow().sentAt()).isEqualTo(START);
    assertThat(server.delivered.get(0).getText()).isEqualTo("Cuerpo\n");
    assertThat(outbox.find(first).orElseThrow().body()).as("a sent e-mail keeps no body").isEmpty();

    clock.move(Duration.ofHours(1));
    assertThat(nodeA.sendDue()).isZero();
    assertThat(nodeB.sendDue()).isZero();
    assertThat(server.delivered).hasSize(2);
  }

  @Test
  void aFailedMailWaitsAnExponentialBackoffCappedAtFifteenMinutesAndIsNeverGivenUp() {
    long id = queue("ana@institucion.gob");
    server.failure = connectionRefused();
    List<Duration> waits = new ArrayList<>();
    for (int attempt = 1; attempt <= 8; attempt++) {
      nodeA.sendDue();
      OutgoingMail mail = outbox.find(id).orElseThrow();
      assertThat(mail.attempts()).isEqualTo(attempt);
      assertThat(mail.lastError()).contains("Connection refused");
      waits.add(Duration.between(clock.instant(), mail.nextAttemptAt()));
      // not before it is due
      clock.move(Duration.between(clock.instant(), mail.nextAttemptAt()).minusSeconds(1));
      nodeA.sendDue();
      assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(attempt);
      clock.move(Duration.ofSeconds(1));
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
        Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15),
        Duration.ofMinutes(15));
    assertThat(PROPERTIES.retryDelay(1000)).isEqualTo(Duration.ofMinutes(15));

    server.failure = null;
    assertThat(nodeA.sendDue()).isEqualTo(1);
    assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(MailOutbox.SENT);
    assertThat(server.delivered).hasSize(1);
  }

  @Test
  void whenARetryGoesThroughEveryWaitingMailIsDueAgain() {
    queue("uno@institucion.gob");
    server.failure = connectionRefused();
    nodeA.sendDue();
    clock.move(Duration.ofSeconds(10));
    long second = queue("dos@institucion.gob");
    nodeA.sendDue();
    clock.move(Duration.ofSeconds(25));
    nodeA.sendDue(); // the first one again, 35 s after its first attempt
    assertThat(outbox.list(MailOutbox.PENDING, 10)).extracting(OutgoingMail::attempts).containsExactly(1, 2);

    server.failure = null;
    clock.move(Duration.ofSeconds(30)); // the second one is due (its backoff: 30 s); the first waits a minute
    assertThat(nodeA.sendDue()).isEqualTo(1);
    assertThat(outbox.find(second).orElseThrow().state()).isEqualTo(MailOutbox.SENT);
    // the server is back: the next pass sends the first at once instead of half a minute later
    assertThat(nodeA.sendDue()).isEqualTo(1);
    assertThat(outbox.count(MailOutbox.PENDING)).isZero();
  }

  @Test
  void aMailBeingSentByOneNodeIsNotSentByAnother() {
    long id = queue("ana@institucion.gob");
    List<Integer> sentByB = new ArrayList<>();
    // node B's pass runs while node A is talking to the mail server about the same e-mail
    server.whileSending = message -> sentByB.add(nodeB.sendDue());

    assertThat(nodeA.sendDue()).isEqualTo(1);
    assertThat(sentByB).containsExactly(0);
    assertThat(server.delivered).hasSize(1);
    assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(MailOutbox.SENT);
  }

  @Test
  void theClaimOfANodeThatDiedWhileSendingExpiresAndAnotherNodeSendsTheMail() {
    long id = queue("ana@institucion.gob");
    assertThat(outbox.claim(id, "dead-node", START, START.plus(PROPERTIES.claimDuration()))).isPresent();

    assertThat(nodeB.sendDue()).isZero();
    clock.move(PROPERTIES.claimDuration().minusSeconds(1));
    assertThat(nodeB.sendDue()).isZero();
    clock.move(Duration.ofSeconds(2));
    assertThat(nodeB.sendDue()).isEqualTo(1);
    assertThat(server.delivered).hasSize(1);
    // the dead node cannot mark it afterwards
    assertThat(outbox.markSent(id, "dead-node", clock.instant())).isFalse();
  }

  @Test
  void anUnreachableServerEndsThePassButAMailTheServerRefusesDoesNotHoldUpTheOthers() {
    queue("uno@institucion.gob");
    queue("dos@institucion.gob");
    queue("tres@institucion.gob");
    server.failure = connectionRefused();
    nodeA.sendDue();
    assertThat(server.attempts).isEqualTo(1);

    // the server answers again and refuses the first recipient: the two others go over the same connection
    clock.move(Duration.ofMinutes(1));
    server.attempts = 0;
    server.failure = null;
    server.refusedRecipient = "uno@institucion.gob";
    assertThat(nodeA.sendDue()).isEqualTo(2);
    assertThat(server.attempts).isEqualTo(3);
    assertThat(server.delivered).extracting(message -> message.getTo()[0])
        .containsExactly("dos@institucion.gob", "tres@institucion.gob");
  }

  @Test
  void afterCommitTheMailIsTriedByTheOutboxsOwnThreadAndOnlyOnce() throws Exception {
    MailOutboxProperties background = properties(MailOutboxProperties.AfterCommit.BACKGROUND, 2,
        Duration.ofMillis(50));
    MailOutboxSender sender = new MailOutboxSender(outbox, server, background, transactions, clock, "node-c");
    List<String> sendingThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.whileSending = message -> sendingThreads.add(Thread.currentThread().getName());
    long id = queue("ana@institucion.gob");

    sender.afterCommit(id);
    sender.afterCommit(id); // e.g. a second notice for the same row: the claim lets only one through
    assertThat(sender.stopAfterCommitPool(Duration.ofSeconds(30))).isTrue();

    assertThat(server.delivered).hasSize(1);
    assertThat(sendingThreads).singleElement().asString().startsWith("mail-outbox-");
    assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(MailOutbox.SENT);
  }

  /** Issue 19: the due e-mails leave together over one connection, not one connection (and five commits) each. */
  @Test
  void theDueMailsLeaveOverOneConnectionAndARefusedOneDoesNotHoldUpTheOthers() {
    for (int i = 1; i <= 5; i++) {
      queue("persona" + i + "@institucion.gob");
    }
    long refused = queue("nadie@institucion.gob");
    server.refusedRecipient = "nadie@institucion.gob";

    assertThat(nodeA.sendDue()).isEqualTo(5);

    assertThat(server.connections).isEqualTo(1);
    assertThat(server.delivered).hasSize(5);
    OutgoingMail stays = outbox.find(refused).orElseThrow();
    assertThat(stays.state()).isEqualTo(MailOutbox.PENDING);
    assertThat(stays.attempts()).isEqualTo(1);
    assertThat(stays.lastError()).contains("550");
    assertThat(outbox.count(MailOutbox.SENT)).isEqualTo(5);
  }

  @Test
  void afterCommitTheMailsOfManyStepsLeaveTogether() throws Exception {
    MailOutboxProperties background = properties(MailOutboxProperties.AfterCommit.BACKGROUND, 1,
        Duration.ofMillis(50));
    MailOutboxSender sender = new MailOutboxSender(outbox, server, background, transactions, clock, "node-d");
    java.util.concurrent.CountDownLatch firstOnItsWay = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch othersCommitted = new java.util.concurrent.CountDownLatch(1);
    server.whileSending = message -> {
      firstOnItsWay.countDown();
      try {
        othersCommitted.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    sender.afterCommit(queue("primera@institucion.gob"));
    assertThat(firstOnItsWay.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    // while the first one is with the mail server, ten more steps commit
    for (int i = 0; i < 10; i++) {
      sender.afterCommit(queue("persona" + i + "@institucion.gob"));
    }
    othersCommitted.countDown();
    java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200);
    assertThat(sender.stopAfterCommitPool(Duration.ofSeconds(30))).isTrue();

    assertThat(server.delivered).hasSize(11);
    assertThat(server.connections).as("the first alone, the ten others together").isEqualTo(2);
  }

  @Test
  void sentMailIsDeletedAfterTheRetentionPeriod() {
    long id = queue("ana@institucion.gob");
    nodeA.sendDue();
    clock.move(PROPERTIES.keepSent().plusHours(2));
    queue("tomas@institucion.gob");
    nodeA.sendDue();
    assertThat(outbox.find(id)).isEmpty();
    assertThat(outbox.count(MailOutbox.SENT)).isEqualTo(1);
  }

  @Test
  void anEmailKeepsItsAttachmentsThroughFailuresAndAResendAfterACrashAndDropsThemOnceSent() throws Exception {
    byte[] pdf = "%PDF-1.7 informe".getBytes(StandardCharsets.UTF_8);
    long id = outbox.add("monthly-report", "mesa@institucion.gob", "calidad@institucion.gob", "Informe mensual",
        "Cuerpo\n", List.of(new MailAttachment("Informe mensual IM-2026-03.pdf", "application/pdf", pdf)),
        clock.instant());
    server.failure = connectionRefused();
    nodeA.sendDue();
    assertThat(outbox.attachments(id)).as("kept for the retry, a file of its own").singleElement()
        .satisfies(file -> assertThat(file.documentId()).isNull());
    server.failure = null;

    // node A takes the e-mail, the server accepts it, node A dies before marking it sent: the claim expires
    assertThat(outbox.claim(id, "node-a-dead", clock.instant().plusSeconds(30),
        clock.instant().plus(PROPERTIES.claimDuration()))).isPresent();
    clock.move(Duration.ofSeconds(30).plus(PROPERTIES.claimDuration()).plusSeconds(1));
    assertThat(nodeB.sendDue()).isEqualTo(1);

    assertThat(server.mimeDelivered).singleElement().satisfies(message -> {
      assertThat(message.getSubject()).isEqualTo("Informe mensual");
      jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
      jakarta.mail.BodyPart attached = null;
      for (int i = 0; i < parts.getCount(); i++) {
        if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
          attached = parts.getBodyPart(i);
        }
      }
      assertThat(attached).isNotNull();
      assertThat(attached.getFileName()).isEqualTo("Informe mensual IM-2026-03.pdf");
      assertThat(attached.getInputStream().readAllBytes()).isEqualTo(pdf);
    });
    assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(MailOutbox.SENT);
    assertThat(outbox.attachments(id)).as("a sent e-mail keeps no files, like no body").isEmpty();
  }

  @Test
  void aKeptDocumentTravelsByReferenceAndTheEmailCarriesItsBytes() throws Exception {
    byte[] pdf = "%PDF-1.7 dictamen".getBytes(StandardCharsets.UTF_8);
    jdbc.update("INSERT INTO generated_document (id, case_number, kind, title, file_name, content_type, size_bytes, "
        + "sha256, content, created_at) VALUES (7, 'SOP-2026-000001', 'technical_report', 'Dictamen', "
        + "'Dictamen SOP-2026-000001.pdf', 'application/pdf', ?, ?, ?, ?)", pdf.length, "0".repeat(64), pdf,
        java.sql.Timestamp.from(clock.instant()));
    long id = outbox.add("support-ticket-finished", "mesa@institucion.gob", "ana@institucion.gob",
        "Ticket finalizado", "Cuerpo\n",
        List.of(new MailAttachment("Dictamen SOP-2026-000001.pdf", "application/pdf", pdf, 7L)), clock.instant());

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox_attachment WHERE mail_id = ? AND content IS NULL "
        + "AND document_id = 7", Integer.class, id)).as("no second copy of the bytes").isEqualTo(1);
    assertThat(outbox.attachments(id)).singleElement().satisfies(file -> {
      assertThat(file.content()).isEqualTo(pdf);
      assertThat(file.documentId()).isEqualTo(7L);
    });
    assertThat(nodeA.sendDue()).isEqualTo(1);
    assertThat(server.mimeDelivered).singleElement().satisfies(message -> {
      jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
      byte[] attached = null;
      for (int i = 0; i < parts.getCount(); i++) {
        if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
          attached = parts.getBodyPart(i).getInputStream().readAllBytes();
        }
      }
      assertThat(attached).isEqualTo(pdf);
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM generated_document WHERE id = 7", Integer.class))
        .as("the document stays with its case after the e-mail is sent").isEqualTo(1);
  }

  /**
   * Issue 19: a step's e-mail is queued already held by the sender that tries it after the commit, so that delivery
   * claims nothing (no update); no other node takes it meanwhile, and it is sent once and marked sent.
   */
  @Test
  void aMailQueuedForTheAfterCommitSenderIsItsOwnAndLeavesWithoutAClaimOfItsOwn() throws Exception {
    MailOutboxSender sender = sameThreadSender("node-e");
    long id = queueFor(sender, "ana@institucion.gob");
    assertThat(outbox.find(id).orElseThrow().lockedBy()).isEqualTo("node-e");
    List<String> claims = new ArrayList<>();
    server.whileSending = message -> claims.add(String.valueOf(outbox.find(id).orElseThrow().lockedBy()));

    assertThat(nodeB.sendDue()).as("another node's pass leaves it to its sender").isZero();
    sender.afterCommit(id);
    sender.afterCommit(id); // a second notice for the same row: sent already, nothing to do

    assertThat(server.delivered).hasSize(1);
    assertThat(claims).containsExactly("node-e");
    OutgoingMail sent = outbox.find(id).orElseThrow();
    assertThat(sent.state()).isEqualTo(MailOutbox.SENT);
    assertThat(sent.lockedBy()).isNull();
    assertThat(nodeB.sendDue()).isZero();
    assertThat(server.delivered).hasSize(1);
  }

  /** The node that queued an e-mail for itself dies before trying it: once the claim expires another node sends it. */
  @Test
  void aMailWhoseAfterCommitSenderNeverTriedItIsSentByAnotherNodeOnceTheClaimExpires() {
    MailOutboxSender dead = sameThreadSender("node-dead");
    long id = queueFor(dead, "ana@institucion.gob");

    clock.move(PROPERTIES.claimDuration().minusSeconds(1));
    assertThat(nodeB.sendDue()).isZero();
    clock.move(Duration.ofSeconds(2));
    assertThat(nodeB.sendDue()).isEqualTo(1);
    assertThat(server.delivered).hasSize(1);
    assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(MailOutbox.SENT);
  }

  /**
   * A held e-mail whose claim has mostly run out (its step took minutes to commit) is not sent on the remainder, which
   * might not cover a slow mail server: it waits for the claim to expire and goes out once, by whoever claims it.
   */
  @Test
  void aHeldMailWithLittleOfItsClaimLeftWaitsForTheClaimToExpire() {
    MailOutboxSender sender = sameThreadSender("node-f");
    long id = queueFor(sender, "ana@institucion.gob");
    clock.move(PROPERTIES.claimDuration().dividedBy(2).plusSeconds(1));

    sender.afterCommit(id);
    assertThat(server.delivered).isEmpty();
    clock.move(PROPERTIES.claimDuration());
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(server.delivered).hasSize(1);
  }

  private MailOutboxSender sameThreadSender(String node) {
    return new MailOutboxSender(outbox, server, properties(MailOutboxProperties.AfterCommit.SAME_THREAD, 2,
        Duration.ZERO), transactions, clock, node);
  }

  private long queueFor(MailOutboxSender sender, String to) {
    return outbox.add("support-acknowledgement", "mesa@institucion.gob", to, "Solicitud recibida — SOP-2026-000001",
        "Cuerpo\n", List.of(), clock.instant(), sender.claimForAfterCommit());
  }

  private long queue(String to) {
    return outbox.add("support-acknowledgement", "mesa@institucion.gob", to, "Solicitud recibida — SOP-2026-000001",
        "Cuerpo\n", clock.instant());
  }

  private static MailSendException connectionRefused() {
    return new MailSendException("Mail server connection failed", new ConnectException("Connection refused"));
  }

  static class FakeMailServer extends JavaMailSenderImpl {
    final List<SimpleMailMessage> delivered = new ArrayList<>();
    final List<jakarta.mail.internet.MimeMessage> mimeDelivered = new ArrayList<>();
    RuntimeException failure;
    Consumer<SimpleMailMessage> whileSending;
    int attempts;
    /** Calls of send: Spring's sender opens one SMTP connection per call. */
    int connections;
    /** The server refuses this recipient (550) and takes the others of the same connection, as a real one does. */
    String refusedRecipient;

    @Override
    public void send(SimpleMailMessage... messages) {
      connections++;
      java.util.Map<Object, Exception> refused = new java.util.LinkedHashMap<>();
      for (SimpleMailMessage message : messages) {
        attempts++;
        if (failure != null) {
          throw failure;
        }
        if (message.getTo()[0].equals(refusedRecipient)) {
          refused.put(message, new jakarta.mail.MessagingException("550 5.1.1 recipient rejected"));
          continue;
        }
        if (whileSending != null) {
          Consumer<SimpleMailMessage> hook = whileSending;
          whileSending = null;
          hook.accept(message);
        }
        delivered.add(message);
      }
      if (!refused.isEmpty()) {
        throw new MailSendException(refused);
      }
    }

    @Override
    public void send(jakarta.mail.internet.MimeMessage... messages) {
      connections++;
      for (jakarta.mail.internet.MimeMessage message : messages) {
        attempts++;
        if (failure != null) {
          throw failure;
        }
        try {
          message.saveChanges();
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
        mimeDelivered.add(message);
      }
    }
  }
}
