package org.mesadeayuda.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.EmbeddedPostgresServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The e-mail account register on PostgreSQL (the process tests run it on H2): a request through its whole life. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class EmailAccountRegisterPostgresTest {

  @Autowired EmailAccountRequestRepository requests;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    EmbeddedPostgresServer.register(properties);
  }

  @BeforeEach
  void setUp() {
    jdbc.sql("DELETE FROM email_account_request").update();
  }

  @Test
  void aCreationIsAuthorizedLoadedRemindedAndAnswered() {
    requests.save(new EmailAccountRequest(null, "COR-2026-000001", "pi-1", "creation", "marta.mesa", "Carlos Pérez",
        "carlos@correo.example", "Analista", "operaciones", "Julia Jefa", "carlos.perez", null, "Quejas",
        EmailAccountRequest.REQUESTED, Instant.parse("2026-11-23T15:00:00Z"), null, null, null, null, null, null, 0,
        null, null, null, null, null));
    requests.recordDecision("COR-2026-000001", EmailAccountRequest.APPROVED, "andres.area",
        Instant.parse("2026-11-23T16:00:00Z"), null);
    requests.recordMinistryTicket("COR-2026-000001", "DTI-2026-4512", "tomas.tecnico",
        Instant.parse("2026-11-23T17:00:00Z"));
    requests.countReminder("COR-2026-000001");
    requests.countReminder("COR-2026-000001");
    requests.recordAnswer("COR-2026-000001", "done", "carlos.perez@mineco.gob.gt", null, "tomas.tecnico",
        Instant.parse("2026-11-27T15:00:00Z"));

    EmailAccountRequest row = requests.findByCaseNumber("COR-2026-000001").orElseThrow();
    assertThat(row.status()).isEqualTo(EmailAccountRequest.ANSWERED);
    assertThat(row.decidedBy()).isEqualTo("andres.area");
    assertThat(row.ministryTicketNumber()).isEqualTo("DTI-2026-4512");
    assertThat(row.remindersSent()).isEqualTo(2);
    assertThat(row.accountAddress()).isEqualTo("carlos.perez@mineco.gob.gt");
    assertThat(requests.findByRequestedAtGreaterThanEqualAndRequestedAtLessThanOrderByRequestedAtAsc(
        Instant.parse("2026-11-23T06:00:00Z"), Instant.parse("2026-11-24T06:00:00Z"))).hasSize(1);
    assertThat(requests.findByRequestedAtGreaterThanEqualAndRequestedAtLessThanOrderByRequestedAtAsc(
        Instant.parse("2026-11-24T06:00:00Z"), Instant.parse("2026-11-25T06:00:00Z"))).isEmpty();
  }
}
