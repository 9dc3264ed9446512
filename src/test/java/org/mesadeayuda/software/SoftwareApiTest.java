package org.mesadeayuda.software;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /api/software: the catalogue for everyone, maintained only by the Technology Director (SW-2). */
@MesaSpringTest
class SoftwareApiTest {

  static final String DIRECTOR = "api.director";
  static final String TECHNICIAN = "api.tecnico.sw";
  static final String PASSWORD = "Clave-de-prueba-3";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired SoftwareRepository catalogue;
  @Autowired LicenceRepository licences;
  @Autowired InstallationRepository installations;
  @Autowired LicenceRegister register;

  @BeforeEach
  void setUp() {
    installations.deleteAll();
    licences.deleteAll();
    catalogue.deleteAll();
    TestUsers.create(identityService, DIRECTOR, "director-ti", PASSWORD);
    TestUsers.create(identityService, TECHNICIAN, "tecnicos", PASSWORD);
  }

  @Test
  void theDirectorMaintainsTheCatalogueAndEveryoneSeesFreeSeats() {
    ResponseEntity<JsonNode> created = http.withBasicAuth(DIRECTOR, PASSWORD).postForEntity("/api/software",
        Map.of("name", "Microsoft Office 2021", "publisher", "Microsoft", "licenceType", "institutional"),
        JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = created.getBody().path("id").asLong();
    assertThat(http.withBasicAuth(DIRECTOR, PASSWORD).postForEntity("/api/software/" + id + "/licences",
        Map.of("seats", 5, "proofReference", "Contrato 2024-07"), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    JsonNode listed = http.withBasicAuth(TECHNICIAN, PASSWORD).getForEntity("/api/software", JsonNode.class)
        .getBody();
    assertThat(listed.get(0).path("software").path("name").asText()).isEqualTo("Microsoft Office 2021");
    assertThat(listed.get(0).path("freeSeats").asInt()).isEqualTo(5);
  }

  @Test
  void techniciansMayNotChangeTheCatalogue() {
    ResponseEntity<String> response = http.withBasicAuth(TECHNICIAN, PASSWORD).postForEntity("/api/software",
        Map.of("name", "Programa", "licenceType", "free"), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(catalogue.count()).isZero();
  }

  @Test
  void anUnknownLicenceTypeGets400() {
    ResponseEntity<JsonNode> response = http.withBasicAuth(DIRECTOR, PASSWORD).postForEntity("/api/software",
        Map.of("name", "Programa", "licenceType", "pirata"), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("licenceType");
  }

  @Test
  void aTechnicianRecordsARemovalAndTheSeatIsFreeAgain() {
    Software office = register.save(new Software(null, "Office", null, "institutional", false, null, null));
    register.addLicences(office.id(), 1, null, "OC-1");
    Installation installed = register.install("SWI-1", "INV-7", office.id(), "1", "tomas", false).orElseThrow();
    assertThat(register.freeSeats(office.id())).isZero();

    ResponseEntity<JsonNode> removed = http.withBasicAuth(TECHNICIAN, PASSWORD).exchange(
        "/api/software/installations/" + installed.id() + "?reason=Equipo dado de baja", HttpMethod.DELETE, null,
        JsonNode.class);
    assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(removed.getBody().path("removedReason").asText()).isEqualTo("Equipo dado de baja");
    assertThat(register.freeSeats(office.id())).isEqualTo(1);
  }

  @Test
  void withoutCredentialsNothingIsShown() {
    assertThat(http.getForEntity("/api/software", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
