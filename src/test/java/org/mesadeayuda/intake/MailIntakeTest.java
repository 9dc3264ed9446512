package org.mesadeayuda.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestClock;
import org.mesadeayuda.TestMail;
import org.mesadeayuda.operations.OperationsMetrics;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * SR-1 by e-mail against a real IMAP server (GreenMail on a free port; its SMTP side receives the answers): a message
 * becomes one support request whatever fails between starting it and marking it read, a reply quoting the case number
 * becomes a comment, the answers stay in the sender's conversation, unknown senders are qualified by the desk or
 * refused, and a message another node holds is left alone.
 */
@MesaSpringTest
class MailIntakeTest {

  static final ServerSetup IMAP = new ServerSetup(0, null, ServerSetup.PROTOCOL_IMAP).dynamicPort();

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {TestMail.SMTP, IMAP})
      .withPerMethodLifecycle(false);

  static final String MAILBOX = "mesa-entrada@institucion.gob";
  static final String MAILBOX_LOGIN = "mesa-entrada";
  static final String MAILBOX_PASSWORD = "Clave-buzon-1";
  static final String REQUESTER = "correo.solicitante";
  static final String REQUESTER_EMAIL = "ana.correo@institucion.gob";
  static final String OTHER = "correo.otra";
  static final String OTHER_EMAIL = "otra.correo@institucion.gob";
  static final String DESK = "correo.mesa";
  static final String PASSWORD = "Clave-de-prueba-1";

  @Autowired MailIntake intake;
  @Autowired IntakeProperties configured;
  @Autowired IntakeLedger ledger;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate http;
  @Autowired IntakeHandler handler;
  @Autowired InstitutionProperties institution;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired ProcessEngine engine;

  GreenMailUser mailbox;

  @BeforeEach
  void setUp() throws Exception {
    mail.purgeEmailFromAllMailboxes();
    mailbox = mail.setUser(MAILBOX, MAILBOX_LOGIN, MAILBOX_PASSWORD);
    user(REQUESTER, "Ana", "Correo", REQUESTER_EMAIL, "solicitantes");
    user(OTHER, "Otra", "Persona", OTHER_EMAIL, "solicitantes");
    user(DESK, "Marta", "Mesa", "marta.correo@institucion.gob", "mesa-ayuda");
  }

  @AfterEach
  void cleanUp() {
    intake.inject(null);
    // each test counts the requests of its senders from zero
    for (String email : List.of(REQUESTER_EMAIL, OTHER_EMAIL)) {
      requestsFrom(email).forEach(request -> runtimeService.deleteProcessInstance(request.getId(), "prueba terminada",
          true, true));
    }
  }

  @Test
  void intakeIsOffUnlessAMailServerIsConfigured() {
    assertThat(configured.configured()).isFalse();
    assertThatThrownBy(() -> intake.poll(configured)).hasMessageContaining("mesa.intake.host");
  }

  @Test
  void aStaffMessageBecomesOneRequestInHerNameWithItsFilesAndTheAcknowledgementAnswersInHerThread()
      throws Exception {
    MimeMessage message = message(REQUESTER_EMAIL, "Ana Correo", "La impresora no imprime", null,
        "<p>Buenos días:</p><p>La impresora del <b>segundo piso</b> no imprime.<br>Gracias.</p>");
    String messageId = deliver(withFiles(message, file("error.pdf", pdf()), file("programa.exe", executable())));

    MailIntake.Reading reading = intake.poll(mailbox());

    assertThat(reading.handled()).isEqualTo(1);
    ProcessInstance request = onlyRequestFrom(REQUESTER_EMAIL);
    String number = request.getBusinessKey();
    assertThat(number).matches("SOP-\\d{4}-\\d{6}");
    assertThat(variable(request, "channel")).isEqualTo("email");
    assertThat(variable(request, "requester")).isEqualTo(REQUESTER);
    assertThat(variable(request, "requesterName")).isEqualTo("Ana Correo");
    assertThat(variable(request, "registeredBy")).as("started as her, like any start").isEqualTo(REQUESTER);
    assertThat(variable(request, "department")).isEqualTo("tecnologia");
    String description = (String) variable(request, "description");
    assertThat(description).startsWith("Asunto: La impresora no imprime\n\nBuenos días:\n\n"
        + "La impresora del segundo piso no imprime.\nGracias.")
        .doesNotContain("<p>", "<b>")
        .contains("«error.pdf»: guardado con el caso")
        .contains("«programa.exe»: no se guardó; el contenido de «programa.exe» no es de un tipo permitido");
    assertThat(jdbc.sql("SELECT file_name FROM attachment WHERE case_number = :n").param("n", number)
        .query(String.class).list()).containsExactly("error.pdf");
    assertThat(seen(messageId)).isTrue();
    assertThat(ledger.find(messageId).orElseThrow().caseNumber()).isEqualTo(number);

    Jobs.runAsyncSteps(managementService, request);
    MimeMessage acknowledgement = Jobs.message(to(REQUESTER_EMAIL), "Solicitud recibida — " + number);
    assertThat(acknowledgement.getHeader("In-Reply-To", null)).isEqualTo(messageId);
    assertThat(acknowledgement.getHeader("References", null)).isEqualTo(messageId);

    assertThat(intake.poll(mailbox()).handled()).as("read once").isZero();
    assertThat(requestsFrom(REQUESTER_EMAIL)).hasSize(1);
  }

  @Test
  void aCrashAfterTheStartAndBeforeMarkingTheMessageReadLeavesOneRequest() throws Exception {
    String messageId = deliver(message(OTHER_EMAIL, null, "Sin acceso a la red", "No tengo red desde ayer.", null));
    intake.inject(new MailIntake.Failures() {
      @Override
      public void beforeMark(String id) {
        throw new IllegalStateException("node killed before marking " + id);
      }
    });

    assertThatThrownBy(() -> intake.poll(mailbox())).hasMessageContaining("node killed");
    assertThat(requestsFrom(OTHER_EMAIL)).hasSize(1);
    assertThat(seen(messageId)).as("still unread in the mailbox").isFalse();

    intake.inject(null);
    MailIntake.Reading again = intake.poll(mailbox());

    assertThat(again.handled()).isZero();
    assertThat(again.skipped()).isEqualTo(1);
    assertThat(requestsFrom(OTHER_EMAIL)).as("one request per Message-ID").hasSize(1);
    assertThat(seen(messageId)).isTrue();
  }

  @Test
  void aFailureInsideTheStartsTransactionLeavesNothingAndTheNextReadingStartsOneRequest() throws Exception {
    String messageId = deliver(withFiles(message(OTHER_EMAIL, null, "Monitor dañado", "El monitor parpadea.", null),
        file("foto.pdf", pdf())));
    intake.inject(new MailIntake.Failures() {
      @Override
      public void afterHandled(String id) {
        throw new IllegalStateException("database lost after the start of " + id);
      }
    });

    assertThat(intake.poll(mailbox()).failed()).isEqualTo(1);
    assertThat(requestsFrom(OTHER_EMAIL)).as("rolled back with the ledger").isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment a WHERE a.file_name = 'foto.pdf' AND NOT EXISTS (SELECT 1 "
        + "FROM intake_message m WHERE m.case_number = a.case_number)").query(Long.class).single())
        .as("no file of a request that does not exist").isZero();
    assertThat(seen(messageId)).isFalse();

    intake.inject(null);
    assertThat(intake.poll(mailbox()).handled()).isEqualTo(1);
    assertThat(requestsFrom(OTHER_EMAIL)).hasSize(1);
    assertThat(seen(messageId)).isTrue();
  }

  @Test
  void aReplyQuotingTheCaseNumberIsACommentOnTheCaseVisibleToTheDeskAndAnsweredInItsThread() throws Exception {
    deliver(message(REQUESTER_EMAIL, null, "Teclado roto", "Se me rompió el teclado.", null));
    intake.poll(mailbox());
    ProcessInstance request = onlyRequestFrom(REQUESTER_EMAIL);
    String number = request.getBusinessKey();
    Jobs.runAsyncSteps(managementService, request);
    Task review = Jobs.onlyTask(taskService, request);

    MimeMessage reply = message(REQUESTER_EMAIL, null, "RE: Solicitud recibida — " + number,
        "Olvidé decir que es el teclado inalámbrico.\n\nEl jue, 3 dic 2026 a las 10:00, Mesa de Ayuda escribió:\n"
            + "> Hemos recibido su solicitud", null);
    String replyId = deliver(reply);
    intake.poll(mailbox());

    assertThat(requestsFrom(REQUESTER_EMAIL)).as("no new request").hasSize(1);
    List<CaseComments.Comment> comments = new CaseComments(jdbc).of(number);
    assertThat(comments).singleElement().satisfies(comment -> {
      assertThat(comment.body()).isEqualTo("Olvidé decir que es el teclado inalámbrico.");
      assertThat(comment.authorUser()).isEqualTo(REQUESTER);
      assertThat(comment.channel()).isEqualTo("email");
    });
    assertThat(taskService.getTaskComments(review.getId())).extracting(Comment::getFullMessage)
        .containsExactly("Mensaje por correo de " + REQUESTER_EMAIL + ":\nOlvidé decir que es el teclado inalámbrico.");
    assertThat(ledger.find(replyId).orElseThrow().outcome()).isEqualTo("comment");

    MimeMessage answer = Jobs.message(to(REQUESTER_EMAIL), "Mensaje añadido a su solicitud " + number);
    assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(replyId);

    ResponseEntity<JsonNode> forDesk = http.withBasicAuth(DESK, PASSWORD)
        .getForEntity("/api/cases/" + number + "/comments", JsonNode.class);
    assertThat(forDesk.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(forDesk.getBody().findValuesAsText("body")).containsExactly("Olvidé decir que es el teclado inalámbrico.");
    assertThat(http.withBasicAuth(OTHER, PASSWORD).getForEntity("/api/cases/" + number + "/comments", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aReplyInTheConversationWithoutTheNumberIsACommentTooButAStrangerQuotingANumberOpensHisOwnRequest()
      throws Exception {
    String first = deliver(message(REQUESTER_EMAIL, null, "Correo lento", "El correo tarda en llegar.", null));
    intake.poll(mailbox());
    String number = onlyRequestFrom(REQUESTER_EMAIL).getBusinessKey();

    MimeMessage inThread = message(REQUESTER_EMAIL, null, "Re: Correo lento", "Ahora ya no llega nada.", null);
    inThread.setHeader("In-Reply-To", first);
    inThread.setHeader("References", first);
    deliver(inThread);
    deliver(message(OTHER_EMAIL, null, "Sobre " + number, "Yo también tengo el correo lento.", null));
    intake.poll(mailbox());

    assertThat(requestsFrom(REQUESTER_EMAIL)).hasSize(1);
    assertThat(new CaseComments(jdbc).of(number)).extracting(CaseComments.Comment::body)
        .containsExactly("Ahora ya no llega nada.");
    assertThat(requestsFrom(OTHER_EMAIL)).as("not hers to comment on: a request of her own").hasSize(1);
  }

  @Test
  void anUnknownSenderGetsARequestForTheDeskToQualifyOrAPoliteRefusalAsConfigured() throws Exception {
    String stranger = "vecino." + UUID.randomUUID().toString().substring(0, 8) + "@correo.example";
    deliver(message(stranger, "Juan Vecino", "Consulta", "¿Atienden computadoras personales?", null));

    intake.poll(mailbox());

    ProcessInstance request = onlyRequestFrom(stranger);
    assertThat(variable(request, "requester")).isNull();
    assertThat(variable(request, "requesterName")).isEqualTo("Juan Vecino");
    assertThat(variable(request, "department")).isEqualTo("operaciones");
    Jobs.runAsyncSteps(managementService, request);
    assertThat(taskService.createTaskQuery().processInstanceId(request.getId()).taskCandidateGroup("mesa-ayuda")
        .count()).as("the desk reviews and qualifies it").isEqualTo(1);

    String refusedSender = "otro." + UUID.randomUUID().toString().substring(0, 8) + "@correo.example";
    String refusedId = deliver(message(refusedSender, null, "Oferta", "Le ofrecemos servicios.", null));
    intake.poll(mailbox().withUnknownSenders(IntakeProperties.UnknownSenders.REFUSE));

    assertThat(requestsFrom(refusedSender)).isEmpty();
    MimeMessage refusal = Jobs.message(to(refusedSender), "No registramos su mensaje: Oferta");
    assertThat(refusal.getHeader("In-Reply-To", null)).isEqualTo(refusedId);
    assertThat(refusal.getContent().toString()).contains("atiende solo al personal");
    assertThat(seen(refusedId)).isTrue();
  }

  @Test
  void automaticRepliesAreRecordedButNeitherOpenARequestNorGetAnAnswer() throws Exception {
    MimeMessage outOfOffice = message(REQUESTER_EMAIL, null, "Fuera de la oficina", "Vuelvo el lunes.", null);
    outOfOffice.setHeader("Auto-Submitted", "auto-replied");
    String id = deliver(outOfOffice);
    int sentBefore = to(REQUESTER_EMAIL).length;

    intake.poll(mailbox());

    assertThat(requestsFrom(REQUESTER_EMAIL)).isEmpty();
    assertThat(ledger.find(id).orElseThrow().outcome()).isEqualTo("ignored");
    assertThat(to(REQUESTER_EMAIL)).hasSize(sentBefore);
    assertThat(seen(id)).isTrue();
  }

  @Test
  void aMessageAnotherNodeHoldsIsLeftAloneUntilItsClaimExpires() throws Exception {
    String id = deliver(message(OTHER_EMAIL, null, "Proyector", "El proyector de la sala no enciende.", null));
    Instant now = Instant.now();
    assertThat(ledger.claim(id, OTHER_EMAIL, "Proyector", "otro-nodo", now, now.plus(Duration.ofMinutes(10))))
        .isEqualTo(IntakeLedger.Claim.CLAIMED);

    MailIntake.Reading reading = intake.poll(mailbox());

    assertThat(reading.skipped()).isEqualTo(1);
    assertThat(requestsFrom(OTHER_EMAIL)).isEmpty();
    assertThat(seen(id)).isFalse();

    // the other node died holding it: its claim runs out and this node takes the message over
    jdbc.sql("UPDATE intake_message SET claimed_until = :past WHERE claimed_by = 'otro-nodo'")
        .param("past", java.sql.Timestamp.from(now.minusSeconds(1))).update();
    assertThat(intake.poll(mailbox()).handled()).isEqualTo(1);
    assertThat(requestsFrom(OTHER_EMAIL)).hasSize(1);
    assertThat(ledger.find(id).orElseThrow().claimedBy()).isEqualTo(intake.owner());
  }

  @Test
  void theLagIsHowLongAMessageMayHaveWaitedAndOperatorsReadItAsAMetric() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-12-04T15:00:00Z"));
    MailIntake node = new MailIntake(handler, ledger, institution, transactions, clock, "nodo-de-prueba");
    SimpleMeterRegistry scraped = new SimpleMeterRegistry();
    new OperationsMetrics(scraped, jdbcTemplate, engine, Duration.ZERO, node, mailbox()).register();
    assertThat(scraped.get("mesa.intake.lag.seconds").gauge().value()).isZero();

    // nothing read since the node started: everything that came in since then may be waiting
    clock.move(Duration.ofMinutes(5));
    assertThat(node.lag()).isEqualTo(Duration.ofMinutes(5));

    // more mail than one reading takes: the reading leaves a message behind and does not count as caught up
    deliver(message(OTHER_EMAIL, null, "Monitor", "El monitor parpadea.", null));
    deliver(message(OTHER_EMAIL, null, "Teclado", "El teclado no responde.", null));
    assertThat(node.poll(mailbox(1, mail.getImap().getPort())).handled()).isEqualTo(1);
    clock.move(Duration.ofMinutes(1));
    assertThat(node.lag()).isEqualTo(Duration.ofMinutes(6));
    assertThat(scraped.get("mesa.intake.lag.seconds").gauge().value()).isEqualTo(360.0);

    // the next reading takes the last one: caught up to that reading's start
    assertThat(node.poll(mailbox(1, mail.getImap().getPort())).handled()).isEqualTo(1);
    clock.move(Duration.ofSeconds(30));
    assertThat(node.lag()).isEqualTo(Duration.ofSeconds(30));
    assertThat(requestsFrom(OTHER_EMAIL)).hasSize(2);

    // the mailbox cannot be read: the lag grows until a reading gets through again
    assertThatThrownBy(() -> node.poll(mailbox(20, 1))).hasMessageContaining("could not be read");
    clock.move(Duration.ofMinutes(10));
    assertThat(scraped.get("mesa.intake.lag.seconds").gauge().value()).isEqualTo(630.0);

    // an installation without intake has no such series
    SimpleMeterRegistry withoutIntake = new SimpleMeterRegistry();
    new OperationsMetrics(withoutIntake, jdbcTemplate, engine, Duration.ZERO, node, configured).register();
    assertThat(withoutIntake.find("mesa.intake.lag.seconds").gauge()).isNull();
  }

  // --- helpers

  IntakeProperties mailbox() {
    return mailbox(20, mail.getImap().getPort());
  }

  IntakeProperties mailbox(int batchSize, int port) {
    return new IntakeProperties("imap", "localhost", port, MAILBOX_LOGIN, MAILBOX_PASSWORD,
        "INBOX", false, Duration.ofMinutes(1), batchSize, false, IntakeProperties.UnknownSenders.DESK, "operaciones",
        "other", "low", "low", Duration.ofMinutes(10), Duration.ofSeconds(10), "correo-entrante");
  }

  void user(String id, String first, String last, String email, String group) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(email);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    // her profile names her department
    if (REQUESTER.equals(id)) {
      identityService.setUserInfo(id, Senders.DEPARTMENT_INFO, "tecnologia");
    }
  }

  static MimeMessage message(String from, String name, String subject, String plain, String html) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from, name, "UTF-8"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    message.setSubject(subject, "UTF-8");
    if (html != null) {
      message.setText(html, "UTF-8", "html");
    } else {
      message.setText(plain, "UTF-8");
    }
    return message;
  }

  static MimeMessage withFiles(MimeMessage message, MimeBodyPart... files) throws Exception {
    MimeMultipart mixed = new MimeMultipart("mixed");
    message.saveChanges();
    MimeBodyPart text = new MimeBodyPart();
    text.setText((String) message.getContent(), "UTF-8", message.isMimeType("text/html") ? "html" : "plain");
    mixed.addBodyPart(text);
    for (MimeBodyPart file : files) {
      mixed.addBodyPart(file);
    }
    message.setContent(mixed);
    return message;
  }

  static MimeBodyPart file(String name, byte[] content) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setContent(content, "application/octet-stream");
    part.setFileName(name);
    part.setDisposition(MimeBodyPart.ATTACHMENT);
    return part;
  }

  /** Puts the message in the intake mailbox with a Message-ID of its own; returns it. */
  String deliver(MimeMessage message) throws Exception {
    String id = "<" + UUID.randomUUID() + "@correo.example>";
    message.saveChanges();
    message.setHeader("Message-ID", id);
    mailbox.deliver(message);
    return id;
  }

  boolean seen(String messageId) throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("localhost", mail.getImap().getPort(), MAILBOX_LOGIN, MAILBOX_PASSWORD);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        for (Message message : inbox.getMessages()) {
          if (messageId.equals(((MimeMessage) message).getMessageID())) {
            return message.isSet(Flags.Flag.SEEN);
          }
        }
      } finally {
        inbox.close(false);
      }
    }
    throw new AssertionError("no message " + messageId + " in the mailbox");
  }

  List<ProcessInstance> requestsFrom(String email) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("support-request")
        .variableValueEquals("requesterEmail", email).list();
  }

  ProcessInstance onlyRequestFrom(String email) {
    List<ProcessInstance> requests = requestsFrom(email);
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  MimeMessage[] to(String address) throws Exception {
    List<MimeMessage> sent = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      if (message.getRecipients(Message.RecipientType.TO) != null
          && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
              .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address))) {
        sent.add(message);
      }
    }
    return sent.toArray(MimeMessage[]::new);
  }

  static byte[] pdf() {
    byte[] content = new byte[2000];
    byte[] header = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, content, 0, header.length);
    Arrays.fill(content, header.length, content.length, (byte) ' ');
    return content;
  }

  static byte[] executable() {
    byte[] content = new byte[4096];
    content[0] = 'M';
    content[1] = 'Z';
    return content;
  }
}
