package org.mesadeayuda.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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

/** GET /api/logbooks: the infrastructure logbooks of a period (PM-5) for Quality, the Director and the desk. */
@MesaSpringTest
class LogbookApiTest {

  static final String QUALITY = "api.calidad.bit";
  static final String STAFF = "api.funcionario.bit";
  static final String PASSWORD = "Clave-de-prueba-17";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired LogbookEntryRepository entries;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, QUALITY, "calidad", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
  }

  @Test
  void qualityReadsTheLogbooksOfAPeriodWithTheirCounts() {
    Instant march = Instant.parse("2025-03-10T14:00:00Z");
    Instant due = Instant.parse("2025-03-10T22:00:00Z");
    entries.save(new LogbookEntry(null, "BIT-2025-900001", null, "ups", march, due, "ok", 35, 97, null, null, null,
        "tomas.tecnico", march.plusSeconds(600)));
    entries.save(new LogbookEntry(null, "BIT-2025-900001", null, "cooling", march, due, "incident", null, null,
        new BigDecimal("29.5"), null, "El aire acondicionado 2 no enfría", "tomas.tecnico", march.plusSeconds(900)));
    entries.save(new LogbookEntry(null, "BIT-2025-900001", null, "networks", march, due, "missed", null, null, null,
        null, null, null, null));
    entries.save(new LogbookEntry(null, "BIT-2025-900002", null, "ups", Instant.parse("2025-05-10T14:00:00Z"),
        Instant.parse("2025-05-10T22:00:00Z"), "pending", null, null, null, null, null, null, null));

    ResponseEntity<JsonNode> answer = http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/logbooks?from=2025-03-01&to=2025-03-31", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = answer.getBody();
    assertThat(body.path("entries")).hasSize(3);
    assertThat(body.path("countByStatus").path("ok").asLong()).isEqualTo(1);
    assertThat(body.path("countByStatus").path("incident").asLong()).isEqualTo(1);
    assertThat(body.path("countByStatus").path("missed").asLong()).isEqualTo(1);
    JsonNode cooling = body.path("entries").get(1);
    assertThat(cooling.path("areaLabel").asText()).isEqualTo("Sistema de refrigeración");
    assertThat(cooling.path("roomTemperature").decimalValue()).isEqualByComparingTo("29.5");
    assertThat(cooling.path("incidentDescription").asText()).isEqualTo("El aire acondicionado 2 no enfría");
  }

  @Test
  void theLogbooksAreForTheTechnologyDirectorateQualityAndTheDeskOnly() {
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/logbooks", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/logbooks", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(QUALITY, PASSWORD).getForEntity("/api/logbooks?from=ayer", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
