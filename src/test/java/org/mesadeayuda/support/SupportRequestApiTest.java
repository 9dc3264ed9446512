package org.mesadeayuda.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST /api/support-requests: intake by API, with the same rules as the start form. */
@MesaSpringTest
public class SupportRequestApiTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String STAFF = "api.funcionario";
  static final String FINANCE_ONLY = "api.finanzas";
  static final String PASSWORD = "Clave-de-prueba-1";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void users() {
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
    TestUsers.create(identityService, FINANCE_ONLY, "daf", PASSWORD);
    // the head who signs a password reset (EM-2), as the e-mail account tests name her
    TestUsers.create(identityService, "julia.jefa", "jefes-proceso", PASSWORD);
  }

  @Test
  void aValidRequestGets201WithItsTicketNumber() {
    ResponseEntity<JsonNode> response = post(STAFF, validPayload());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String ticketNumber = response.getBody().path("ticketNumber").asText();
    assertThat(ticketNumber).matches("SOP-\\d{4}-\\d{6}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/support-requests/" + ticketNumber);
    var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).singleResult();
    assertThat(instance).isNotNull();
    assertThat(runtimeService.getVariable(instance.getId(), "registeredBy")).isEqualTo(STAFF);
    // the answer does not wait for the decisions (issue 19): classification, priority and the register row are the
    // first step in the background
    var firstStep = managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_ClassifyRequest").singleResult();
    assertThat(firstStep).as("the first step waits for the job executor").isNotNull();
    assertThat(runtimeService.getVariable(instance.getId(), "priority")).isNull();
    managementService.executeJob(firstStep.getId());
    assertThat(runtimeService.getVariable(instance.getId(), "priority")).isEqualTo("high");
    assertThat(runtimeService.getVariable(instance.getId(), "handlingGroup")).isEqualTo("tecnicos");
    // a gateway states whom and through which channel (README "Support request API"): its account's profile does not
    // replace them (issue 16 fills the form of a person filing for herself)
    assertThat(runtimeService.getVariable(instance.getId(), "requesterName")).isEqualTo("Luis Pérez");
    assertThat(runtimeService.getVariable(instance.getId(), "requesterEmail")).isEqualTo("luis.perez@institucion.gob");
    assertThat(runtimeService.getVariable(instance.getId(), "channel")).isEqualTo("email");
  }

  @Test
  void aPasswordResetCarriesWhatItsProcedureAsksAndWithoutItGets400() {
    // issue 14: the procedure's details travel with the ticket, named as in the procedure's start form
    Map<String, Object> payload = validPayload();
    payload.put("requestType", "password_reset");
    ResponseEntity<JsonNode> refused = post(STAFF, payload);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").findValuesAsText("field"))
        .containsExactly("existingAccount", "immediateBoss");

    payload.put("existingAccount", "ana.lopez@institucion.gob");
    payload.put("immediateBoss", "julia.jefa");
    ResponseEntity<JsonNode> response = post(STAFF, payload);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    var instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(response.getBody().path("ticketNumber").asText()).singleResult();
    assertThat(runtimeService.getVariable(instance.getId(), "immediateBoss")).isEqualTo("julia.jefa");
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey("backupKind");
  }

  @Test
  void missingAndInvalidFieldsGet400WithFieldAndReasonAndStartNothing() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("support-request").count();
    Map<String, Object> payload = validPayload();
    payload.remove("requesterName");
    payload.put("requesterEmail", "no-es-un-correo");
    payload.put("requestType", "cafetera");
    payload.put("impact", "enorme");

    ResponseEntity<JsonNode> response = post(STAFF, payload);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = response.getBody().path("errors");
    assertThat(errors.findValuesAsText("field"))
        .containsExactly("impact", "requestType", "requesterEmail", "requesterName");
    assertThat(errors.get(2).path("reason").asText()).isEqualTo("no es un correo electrónico válido");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("support-request").count())
        .isEqualTo(before);
  }

  @Test
  void anUnknownDepartmentGets400() {
    Map<String, Object> payload = validPayload();
    payload.put("department", "cafeteria");
    ResponseEntity<JsonNode> response = post(STAFF, payload);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("department");
  }

  @Test
  void malformedJsonGets400NotA500() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> response = http.withBasicAuth(STAFF, PASSWORD)
        .postForEntity("/api/support-requests", new HttpEntity<>("{\"requesterName\": ", headers), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").get(0).path("reason").asText()).contains("JSON");
  }

  @Test
  void withoutCredentialsGets401() {
    ResponseEntity<String> response = http.postForEntity("/api/support-requests", validPayload(), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aUserWhoseRoleMayNotStartTheProcessGets403() {
    ResponseEntity<JsonNode> response = post(FINANCE_ONLY, validPayload());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<JsonNode> post(String user, Map<String, Object> payload) {
    return http.withBasicAuth(user, PASSWORD).postForEntity("/api/support-requests", payload, JsonNode.class);
  }

  /** A valid request as a gateway sends it (also the metrics test's ticket). */
  public static Map<String, Object> validPayload() {
    Map<String, Object> payload = new HashMap<>();
    payload.put("requesterName", "Luis Pérez");
    payload.put("requesterEmail", "luis.perez@institucion.gob");
    payload.put("requesterPhone", "5555-0101");
    payload.put("department", "juridico");
    payload.put("channel", "email");
    payload.put("requestType", "equipment_failure");
    payload.put("description", "La impresora del área jurídica atasca todas las hojas");
    payload.put("assetTag", "INV-0107");
    payload.put("impact", "high");
    payload.put("urgency", "medium");
    return payload;
  }

}
