package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/calendar}: the institution's business days and holidays, as the deadlines use them. */
@MesaSpringTest
class CalendarApiTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @Test
  void anyoneSignedInReadsTheBusinessDaysAndTheHolidaysWithTheirNames() {
    TestUsers.create(identityService, "calendario.solicitante", "solicitantes", "clave-calendario");
    TestRestTemplate staff = http.withBasicAuth("calendario.solicitante", "clave-calendario");
    // Holy Week 2028 in Guatemala (the shipped calendar: country gt, region gua), never listed by hand
    ResponseEntity<JsonNode> week = staff.getForEntity("/api/calendar?from=2028-04-10&to=2028-04-16", JsonNode.class);
    assertThat(week.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(week.getBody().path("businessDays").asInt()).isEqualTo(3);
    assertThat(week.getBody().path("holidays").findValuesAsText("holiday"))
        .containsExactly("Jueves Santo", "Viernes Santo", "Sábado Santo");
    JsonNode monday = week.getBody().path("days").get(0);
    assertThat(monday.path("businessDay").asBoolean()).isTrue();
    assertThat(monday.path("closes").asText()).isEqualTo("16:00:00");

    // the afternoon of 24 December is off: the day closes at noon
    JsonNode christmasEve = staff.getForEntity("/api/calendar?from=2026-12-24&to=2026-12-24", JsonNode.class)
        .getBody().path("days").get(0);
    assertThat(christmasEve.path("halfDay").asBoolean()).isTrue();
    assertThat(christmasEve.path("closes").asText()).isEqualTo("12:00:00");

    assertThat(http.getForEntity("/api/calendar?from=2028-04-10&to=2028-04-16", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(staff.getForEntity("/api/calendar?from=2028-04-16&to=2028-04-10", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(staff.getForEntity("/api/calendar?from=2028-01-01&to=2030-01-01", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
