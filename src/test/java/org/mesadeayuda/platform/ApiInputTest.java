package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.mesadeayuda.software.LicenceRepository;
import org.mesadeayuda.software.SoftwareRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bad input on every API other than the asset register (AssetApiTest): a 400 naming the field, in Spanish, never a
 * 500, and nothing kept.
 */
@MesaSpringTest
class ApiInputTest {

  static final String DIRECTOR = "api.director.input";
  static final String STAFF = "api.personal.input";
  static final String PASSWORD = "Clave-de-prueba-13";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired SoftwareRepository catalogue;
  @Autowired LicenceRepository licences;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, DIRECTOR, "director-ti", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
  }

  @Test
  void aSoftwareNameTooLongOrNotATextGets400AndNothingIsStored() {
    long before = catalogue.count();
    ResponseEntity<JsonNode> tooLong = director().postForEntity("/api/software",
        Map.of("name", "n".repeat(201), "publisher", "p".repeat(201), "licenceType", "free"), JsonNode.class);
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name",
        "publisher");

    ResponseEntity<JsonNode> number = director().postForEntity("/api/software",
        Map.of("name", 12345, "licenceType", "free"), JsonNode.class);
    assertThat(number.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(number.getBody().path("errors").get(0).path("field").asText()).isEqualTo("name");
    assertThat(number.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("debe ser un texto");
    assertThat(catalogue.count()).isEqualTo(before);
  }

  @Test
  void aProofOfPurchaseTooLongGets400AndNoLicenceIsAdded() {
    long id = director().postForEntity("/api/software",
        Map.of("name", "Programa con licencia " + System.nanoTime(), "licenceType", "institutional"), JsonNode.class)
        .getBody().path("id").asLong();
    long before = licences.count();

    ResponseEntity<JsonNode> refused = director().postForEntity("/api/software/" + id + "/licences",
        Map.of("seats", 3, "proofReference", "c".repeat(201)), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("proofReference");

    ResponseEntity<JsonNode> seatsAsText = director().postForEntity("/api/software/" + id + "/licences",
        Map.of("seats", "muchas"), JsonNode.class);
    assertThat(seatsAsText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(seatsAsText.getBody().path("errors").get(0).path("field").asText()).isEqualTo("seats");
    assertThat(licences.count()).isEqualTo(before);

    assertThat(director().getForEntity("/api/software/abc", String.class).getStatusCode().is4xxClientError())
        .isTrue();
  }

  @Test
  void aRemovalReasonTooLongGets400() {
    ResponseEntity<JsonNode> refused = director().exchange("/api/software/installations/1?reason=" + "r".repeat(501),
        HttpMethod.DELETE, null, JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("reason");
  }

  @Test
  void anAlertNoteOfAMegabyteGets400BeforeAnythingHappens() {
    ResponseEntity<JsonNode> refused = director().postForEntity("/api/remote-access/OT-NO-EXISTE/alert",
        Map.of("notes", "n".repeat(1024 * 1024)), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("notes");

    ResponseEntity<JsonNode> notAText = director().postForEntity("/api/remote-access/OT-NO-EXISTE/alert",
        Map.of("notes", Map.of("texto", "x")), JsonNode.class);
    assertThat(notAText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notAText.getBody().path("errors").get(0).path("field").asText()).isEqualTo("notes");

    // the longest note allowed passes the check (and finds no session to alert)
    assertThat(director().postForEntity("/api/remote-access/OT-NO-EXISTE/alert", Map.of("notes", "n".repeat(2000)),
        String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aSupportRequestWithANumberForANameGets400NamingItAndStartsNothing() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("support-request").count();
    Map<String, Object> payload = new HashMap<>();
    payload.put("requesterName", 42);
    payload.put("requesterEmail", "luis.perez@institucion.gob");
    payload.put("department", "juridico");
    payload.put("channel", "email");
    payload.put("requestType", "other");
    payload.put("description", "Una descripción suficiente");
    payload.put("impact", "low");
    payload.put("urgency", "low");

    ResponseEntity<JsonNode> refused = http.withBasicAuth(STAFF, PASSWORD).postForEntity("/api/support-requests",
        payload, JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("requesterName");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("support-request").count())
        .isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotJsonGets400() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> refused = director().exchange("/api/software", HttpMethod.POST,
        new HttpEntity<>("{\"name\": ", headers), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").get(0).path("reason").asText()).contains("JSON");
  }

  private TestRestTemplate director() {
    return http.withBasicAuth(DIRECTOR, PASSWORD);
  }
}
