package org.mesadeayuda.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.mesadeayuda.maintenance.MaintenanceItem.Checklist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /api/maintenance: the compliance indicator per semester and the programme's register, for IT and Quality. */
@MesaSpringTest
class MaintenanceApiTest {

  static final String QUALITY = "api.calidad.mp";
  static final String STAFF = "api.funcionario.mp";
  static final String PASSWORD = "Clave-de-prueba-7";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired MaintenanceProgrammes programmes;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, QUALITY, "calidad", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
    jdbc.sql("DELETE FROM maintenance_reprogramming").update();
    jdbc.sql("DELETE FROM maintenance_item").update();
    jdbc.sql("DELETE FROM maintenance_programme").update();
    for (String tag : new String[] {"MNTA-01", "MNTA-02"}) {
      jdbc.sql("DELETE FROM asset WHERE asset_tag = :tag").param("tag", tag).update();
      jdbc.sql("INSERT INTO asset (asset_tag, equipment_type, department, ownership, status) "
          + "VALUES (:tag, 'laptop', 'operaciones', 'owned', 'in_service')").param("tag", tag).update();
    }
    MaintenanceProgramme programme = programmes.open(new Semester(2099, 1), null);
    programmes.replaceItems(programme.id(), "MNTA-01; 2099-02-09\nMNTA-02; 2099-02-09", "diego.director");
    programmes.recordBatch(programme.id() + ":2099-02-09:operaciones", new Checklist(true, true, false, false, true),
        "MNTA-02; equipo en reparación", null, "tomas.tecnico");
  }

  @Test
  void qualityReadsTheIndicatorOfASemester() {
    ResponseEntity<JsonNode> response = http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/maintenance/indicator/2099-S1", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode indicator = response.getBody();
    assertThat(indicator.path("programmed").asInt()).isEqualTo(2);
    assertThat(indicator.path("maintained").asInt()).isEqualTo(1);
    assertThat(indicator.path("notDone").asInt()).isEqualTo(1);
    assertThat(indicator.path("percent").decimalValue()).isEqualByComparingTo("50.0");
    assertThat(indicator.path("target").asInt()).isEqualTo(80);
    assertThat(indicator.path("met").asBoolean()).isFalse();
  }

  @Test
  void theProgrammeShowsItsItemsAndExecutionRecords() {
    JsonNode detail = http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/maintenance/programmes/2099-S1", JsonNode.class).getBody();
    assertThat(detail.path("programme").path("programmeCode").asText()).isEqualTo("MP-2099-S1");
    assertThat(detail.path("items")).hasSize(2);
    assertThat(detail.path("items").get(1).path("notDoneReason").asText()).isEqualTo("equipo en reparación");
    assertThat(detail.path("items").get(0).path("technician").asText()).isEqualTo("tomas.tecnico");
    assertThat(http.withBasicAuth(QUALITY, PASSWORD).getForEntity("/api/maintenance/programmes", JsonNode.class)
        .getBody()).hasSize(1);
  }

  @Test
  void otherStaffAndUnknownSemestersAreRefused() {
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/maintenance/indicator/2099-S1", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/maintenance/indicator/2099-S1", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(QUALITY, PASSWORD).getForEntity("/api/maintenance/indicator/2098-S2",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth(QUALITY, PASSWORD).getForEntity("/api/maintenance/indicator/primero",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
