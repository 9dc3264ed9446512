package org.mesadeayuda.remoteaccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /api/remote-access: the register for the Director and auditors, and the rate-limited identifier check. */
@MesaSpringTest
class RemoteAccessApiTest {

  static final String DIRECTOR = "api.director.ra";
  static final String TOOL = "api.herramienta";
  static final String STAFF = "api.funcionaria.ra";
  static final String PASSWORD = "Clave-de-prueba-4";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired AccessIdentifiers identifiers;
  @Autowired RemoteAccessGrantRepository grants;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, DIRECTOR, "director-ti", PASSWORD);
    TestUsers.create(identityService, TOOL, "tecnicos", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
  }

  @Test
  void verificationAnswersOnlyValidOrNotAndIsRateLimited() {
    String workOrder = "OT-API-" + System.nanoTime() % 100000;
    String identifier = identifiers.issue(new RemoteAccessGrant(null, workOrder, null, "external", "updates",
        "Prueba", "INV-1", null, STAFF, null, "Empresa", "Persona", DIRECTOR,
        Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.HOURS), null, null, null, null,
        null, null, false, null));

    ResponseEntity<JsonNode> valid = check(workOrder, identifier);
    assertThat(valid.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(valid.getBody().size()).isEqualTo(1);
    assertThat(valid.getBody().path("valid").asBoolean()).isTrue();
    assertThat(check(workOrder, "adivinanza").getBody().path("valid").asBoolean()).isFalse();
    assertThat(check("OT-NO-EXISTE", identifier).getBody().path("valid").asBoolean()).isFalse();
    int limited = 0;
    for (int i = 0; i < RemoteAccessController.CHECKS_PER_MINUTE; i++) {
      if (check(workOrder, "otra-adivinanza").getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
        limited++;
      }
    }
    assertThat(limited).isPositive();
  }

  @Test
  void theRegisterIsForTheDirectorAndAuditorsOnly() {
    assertThat(http.withBasicAuth(DIRECTOR, PASSWORD).getForEntity("/api/remote-access", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/remote-access", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/remote-access", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void onlyTheSupervisingStaffMemberOrTheDirectorMayRaiseAnAlert() {
    assertThat(http.withBasicAuth(TOOL, PASSWORD).postForEntity("/api/remote-access/OT-NO-EXISTE/alert",
        Map.of("notes", "x"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(DIRECTOR, PASSWORD).postForEntity("/api/remote-access/OT-NO-EXISTE/alert",
        Map.of("notes", "x"), String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  private ResponseEntity<JsonNode> check(String workOrder, String identifier) {
    return http.withBasicAuth(TOOL, PASSWORD).postForEntity("/api/remote-access/verify",
        Map.of("workOrder", workOrder, "identifier", identifier), JsonNode.class);
  }
}
