package org.mesadeayuda.specialised;

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

/** GET /api/specialised-requests: the register of specialised requests (SR-5, 002 §4.2) of a period. */
@MesaSpringTest
class SpecialisedRequestApiTest {

  static final String DIRECTOR = "api.director.esp";
  static final String STAFF = "api.funcionario.esp";
  static final String PASSWORD = "Clave-de-prueba-17";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired SpecialisedRequestRepository requests;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, DIRECTOR, "director-ti", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
  }

  @Test
  void theDirectorReadsTheRequestsOfAPeriodWithTheirPlanAndResourceCheck() {
    requests.save(SpecialisedRequest.received("ESP-2025-900001", null, null, "rosa.mendez", "Rosa Méndez",
        "rosa@institucion.gob", "operaciones", "Módulo de inventario", "Hoy en hojas de cálculo", "development",
        Instant.parse("2025-03-10T15:00:00Z")));
    requests.recordPlan("ESP-2025-900001", "tomas.tecnico", true, true, "Dos desarrolladores",
        java.time.LocalDate.of(2025, 3, 17), java.time.LocalDate.of(2025, 4, 30), "diego.director",
        Instant.parse("2025-03-12T15:00:00Z"));
    requests.save(SpecialisedRequest.received("ESP-2025-900002", null, null, "rosa.mendez", "Rosa Méndez",
        "rosa@institucion.gob", "operaciones", "Fuera del periodo", null, null, Instant.parse("2025-06-10T15:00:00Z")));

    ResponseEntity<JsonNode> answer = http.withBasicAuth(DIRECTOR, PASSWORD)
        .getForEntity("/api/specialised-requests?from=2025-03-01&to=2025-03-31", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode found = answer.getBody().path("requests");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("caseNumber").asText()).isEqualTo("ESP-2025-900001");
    assertThat(found.get(0).path("status").asText()).isEqualTo("planned");
    assertThat(found.get(0).path("humanResourcesChecked").asBoolean()).isTrue();
    assertThat(found.get(0).path("resourcesDetail").asText()).isEqualTo("Dos desarrolladores");
  }

  @Test
  void theRegisterIsForTheTechnologyDirectorateQualityAndTheDeskOnly() {
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/specialised-requests", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/specialised-requests", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
