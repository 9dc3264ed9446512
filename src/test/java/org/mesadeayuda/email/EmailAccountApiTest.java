package org.mesadeayuda.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /api/email-accounts/register: the e-mail account requests of a period. */
@MesaSpringTest
class EmailAccountApiTest {

  static final String QUALITY = "api.calidad.em";
  static final String DIRECTOR = "api.director.em";
  static final String STAFF = "api.funcionario.em";
  static final String PASSWORD = "Clave-de-prueba-8";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired EmailAccountRequestRepository requests;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, QUALITY, "calidad", PASSWORD);
    TestUsers.create(identityService, DIRECTOR, "director-ti", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
  }

  @Test
  void qualityAndTheTechnologyDirectorReadTheRequestsOfAPeriod() {
    requests.save(new EmailAccountRequest(null, "COR-2025-900001", null, "creation", "mesa", "Carlos Pérez",
        "carlos@correo.example", "Analista", "operaciones", "Julia Jefa", "carlos.perez", null, "Quejas",
        "answered", Instant.parse("2025-03-10T15:00:00Z"), "andres.area", Instant.parse("2025-03-10T16:00:00Z"),
        null, "DTI-2025-1", "tomas.tecnico", Instant.parse("2025-03-11T15:00:00Z"), 1, "done",
        "carlos.perez@mineco.gob.gt", null, "tomas.tecnico", Instant.parse("2025-03-14T15:00:00Z")));
    requests.save(new EmailAccountRequest(null, "COR-2025-900002", null, "password_reset", "mesa", "Fuera",
        "fuera@correo.example", null, "juridico", "Jefe", null, "fuera@mineco.gob.gt", null, "requested",
        Instant.parse("2025-05-10T15:00:00Z"), null, null, null, null, null, null, 0, null, null, null, null,
        null));

    for (String reader : new String[] {QUALITY, DIRECTOR}) {
      ResponseEntity<JsonNode> answer = http.withBasicAuth(reader, PASSWORD)
          .getForEntity("/api/email-accounts/register?from=2025-03-01&to=2025-03-31", JsonNode.class);
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode rows = answer.getBody().path("requests");
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).path("caseNumber").asText()).isEqualTo("COR-2025-900001");
      assertThat(rows.get(0).path("ministryTicketNumber").asText()).isEqualTo("DTI-2025-1");
      assertThat(rows.get(0).path("decidedBy").asText()).isEqualTo("andres.area");
      assertThat(rows.get(0).path("outcome").asText()).isEqualTo("done");
    }
  }

  @Test
  void aWrongPeriodGets400WithTheField() {
    ResponseEntity<JsonNode> answer = http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/email-accounts/register?from=2025-04-01&to=marzo", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("to");
    assertThat(http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/email-accounts/register?from=2025-04-01&to=2025-03-01", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theRegisterIsForTheTechnologyDirectorateQualityAndTheDeskOnly() {
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/email-accounts/register", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/email-accounts/register", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
