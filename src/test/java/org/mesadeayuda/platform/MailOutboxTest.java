package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox in the application: an e-mail exists exactly when the engine transaction that sent it commits (the
 * engine and our tables share Spring's transaction), and the operators' read-only view. No mail server runs here.
 */
@MesaSpringTest
class MailOutboxTest {

  static final String DESK = "api.mesa.outbox";
  static final String STAFF = "api.funcionario.outbox";
  static final String PASSWORD = "Clave-de-prueba-8";
  static final String RECIPIENT = "destinatario@outbox.prueba";

  @Autowired ProcessEngine engine;
  @Autowired Mailer mailer;
  @Autowired MailOutbox outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, DESK, "mesa-ayuda", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
  }

  @AfterEach
  void removeOurMails() {
    // the other tests share this database and flush the outbox into their mail server
    jdbc.update("DELETE FROM mail_outbox WHERE mail_to = ?", RECIPIENT);
  }

  @Test
  void anEmailSentByAnEngineCommandThatRollsBackIsNeverQueued() {
    CommandExecutor commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration()
        .getCommandExecutorTxRequired();
    assertThatThrownBy(() -> commands.execute(context -> {
      mailer.send(RECIPIENT, "support-acknowledgement", Map.of("ticketNumber", "SOP-2026-999998"));
      assertThat(pending("SOP-2026-999998")).as("visible inside the transaction").isEqualTo(1);
      throw new IllegalStateException("the step fails after asking for its e-mail");
    })).hasMessageContaining("the step fails");
    assertThat(pending("SOP-2026-999998")).isZero();

    commands.execute(context -> {
      mailer.send(RECIPIENT, "support-acknowledgement", Map.of("ticketNumber", "SOP-2026-999999"));
      return null;
    });
    // committed; the attempt right after the commit found no mail server, so it waits with its error
    MailOutbox.OutgoingMail queued = outbox.list(MailOutbox.PENDING, 1000).stream()
        .filter(mail -> mail.subject().contains("SOP-2026-999999")).findFirst().orElseThrow();
    assertThat(queued.attempts()).isEqualTo(1);
    assertThat(queued.lastError()).isNotBlank();
  }

  @Test
  void theDeskSeesThePendingEmailsWithoutTheirBodiesAndStaffDoNot() {
    mailer.send(RECIPIENT, "support-acknowledgement", Map.of("ticketNumber", "SOP-2026-999997"));

    ResponseEntity<JsonNode> answer = http.withBasicAuth(DESK, PASSWORD)
        .getForEntity("/api/mail-outbox?state=pending", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode mail = null;
    for (JsonNode entry : answer.getBody().get("mails")) {
      if (entry.get("subject").asText().contains("SOP-2026-999997")) {
        mail = entry;
      }
    }
    assertThat(mail).isNotNull();
    assertThat(mail.get("to").asText()).isEqualTo(RECIPIENT);
    assertThat(mail.get("failedAttempts").asInt()).isEqualTo(1);
    assertThat(mail.get("lastError").asText()).isNotBlank();
    assertThat(mail.has("body")).isFalse();
    assertThat(answer.getBody().get("total").asLong()).isPositive();

    assertThat(http.withBasicAuth(DESK, PASSWORD).getForEntity("/api/mail-outbox?state=sent", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> wrongState = http.withBasicAuth(DESK, PASSWORD)
        .getForEntity("/api/mail-outbox?state=todos", JsonNode.class);
    assertThat(wrongState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongState.getBody().toString()).contains("state");
    ResponseEntity<JsonNode> staff = http.withBasicAuth(STAFF, PASSWORD)
        .getForEntity("/api/mail-outbox", JsonNode.class);
    assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(staff.getBody().get("error").asText()).contains("solo la mesa de ayuda");
    assertThat(http.getForEntity("/api/mail-outbox", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private int pending(String ticketNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE mail_to = ? AND subject LIKE ?",
        Integer.class, RECIPIENT, "%" + ticketNumber + "%");
  }
}
