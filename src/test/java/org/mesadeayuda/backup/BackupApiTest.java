package org.mesadeayuda.backup;

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

/** /api/backups/register: the backup requests and the security register (DIACO-IN-FO-06) between two dates. */
@MesaSpringTest
class BackupApiTest {

  static final String QUALITY = "api.calidad.bk";
  static final String STAFF = "api.funcionario.bk";
  static final String PASSWORD = "Clave-de-prueba-8";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired BackupRequestRepository requests;
  @Autowired SecurityRegisterRepository securityRegister;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, QUALITY, "calidad", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
  }

  @Test
  void qualityReadsBothRegistersOfAPeriod() {
    requests.save(new BackupRequest(null, "RES-2025-900001", null, "ana.solicitante", "Ana López",
        "ana@institucion.gob", "operaciones", "Contratos", "server_folder", "\\\\servidor\\contratos", "one_time",
        false, null, null, "done", Instant.parse("2025-03-10T15:00:00Z"), null, null, null, null,
        "Servidor de respaldos", "1 GB", "backup_server", null, null, null, "tomas.tecnico", null));
    requests.save(new BackupRequest(null, "RES-2025-900002", null, "ana.solicitante", "Ana López",
        "ana@institucion.gob", "operaciones", "Fuera del periodo", "database", null, "scheduled", false, "diario",
        null, "requested", Instant.parse("2025-05-10T15:00:00Z"), null, null, null, null, null, null, null, null,
        null, null, null, null));
    securityRegister.save(new SecurityRegisterEntry(null, "RS-2025-W11", null, Instant.parse("2025-03-14T21:00:00Z"),
        Instant.parse("2025-03-21T21:00:00Z"), "failed", false, true, false, null, "usb", "USB-3",
        "Sin espacio en el medio", null, "tomas.tecnico", Instant.parse("2025-03-14T22:00:00Z")));

    ResponseEntity<JsonNode> answer = http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/backups/register?from=2025-03-01&to=2025-03-31", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = answer.getBody();
    assertThat(body.path("requests")).hasSize(1);
    assertThat(body.path("requests").get(0).path("caseNumber").asText()).isEqualTo("RES-2025-900001");
    assertThat(body.path("securityRegister")).hasSize(1);
    assertThat(body.path("securityRegister").get(0).path("failureReason").asText())
        .isEqualTo("Sin espacio en el medio");
  }

  @Test
  void aWrongPeriodGets400WithTheField() {
    ResponseEntity<JsonNode> answer = http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/backups/register?from=2025-04-01&to=marzo", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("to");
    assertThat(http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/backups/register?from=2025-04-01&to=2025-03-01", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theRegisterIsForTheTechnologyDirectorateQualityAndTheDeskOnly() {
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/backups/register", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/backups/register", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
