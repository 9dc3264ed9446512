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
import org.mesadeayuda.platform.IdentitySetup;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * /api/remote-access: the register for the Director and auditors, and the rate-limited identifier check, which only the
 * identifier's holder or the connection-checking system may ask (issue 13).
 */
@MesaSpringTest
class RemoteAccessApiTest {

  static final String DIRECTOR = "api.director.ra";
  static final String TOOL = "api.herramienta";
  static final String STAFF = "api.funcionaria.ra";
  static final String TECHNICIAN = "api.tecnico.ra";
  static final String FINANCE = "api.finanzas.ra";
  static final String AREA_DIRECTOR = "api.directora-area.ra";
  static final String PASSWORD = "Clave-de-prueba-4";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired AccessIdentifiers identifiers;
  @Autowired RemoteAccessGrantRepository grants;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, DIRECTOR, "director-ti", PASSWORD);
    TestUsers.create(identityService, TOOL, IdentitySetup.CONNECTION_CHECKERS, PASSWORD);
    TestUsers.create(identityService, TECHNICIAN, "tecnicos", PASSWORD);
    TestUsers.create(identityService, FINANCE, "daf", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
    TestUsers.create(identityService, AREA_DIRECTOR, "directores-area", PASSWORD);
  }

  @Test
  void verificationAnswersOnlyValidOrNotAndIsRateLimited() {
    String workOrder = newWorkOrder();
    String identifier = issue(workOrder, "external", null);

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

  /** Issue 14, RA-4: through /engine-rest, without the form, a vouch without both confirmations gets 400 and stays. */
  @Test
  void aVouchThroughTheEngineRestApiWithoutBothConfirmationsIsRefused() {
    Map<String, Object> request = new java.util.HashMap<>(Map.of("accessKind", "external", "purpose", "updates",
        "workDescription", "Actualizar el sistema de planillas", "assetTag", "INV-0216", "staffMember", STAFF,
        "staffMemberName", "Funcionaria", "staffMemberEmail", "funcionaria@institucion.gob", "areaOffice",
        "metropolitan", "windowStart", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "windowEnd",
        Instant.now().plus(2, ChronoUnit.DAYS).toString()));
    request.putAll(Map.of("externalCompany", "Proveedor S.A.", "externalPersonName", "Carlos Externo",
        "externalPersonEmail", "soporte@proveedor.example"));
    String instanceId = runtimeService.startProcessInstanceByKey("remote-access", request).getId();
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

    ResponseEntity<JsonNode> refused = http.withBasicAuth(AREA_DIRECTOR, PASSWORD).postForEntity(
        "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("vouched", Map.of("value", true), "identityConfirmed", Map.of("value", true))),
        JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("message").asText())
        .contains("No puede avalar el acceso externo sin las dos verificaciones", "relación de dependencia");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    ResponseEntity<String> vouched = http.withBasicAuth(AREA_DIRECTOR, PASSWORD).postForEntity(
        "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of("vouched", Map.of("value", true),
            "identityConfirmed", Map.of("value", true), "relationshipVerified", Map.of("value", true))), String.class);
    assertThat(vouched.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    runtimeService.deleteProcessInstance(instanceId, "prueba de la API");
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

  @Test
  void aStrangerMayNotVerifyAndTheSessionStaysUntouched() {
    String workOrder = newWorkOrder();
    String identifier = issue(workOrder, "internal", TECHNICIAN);

    for (String stranger : new String[] {FINANCE, STAFF, DIRECTOR}) {
      assertThat(check(stranger, workOrder, identifier).getStatusCode()).as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
    }
    // a work order that does not exist tells a stranger nothing more
    assertThat(check(FINANCE, "OT-NO-EXISTE", identifier).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    RemoteAccessGrant untouched = grants.findByWorkOrder(workOrder).orElseThrow();
    assertThat(untouched.state()).isEqualTo(RemoteAccessGrant.AUTHORIZED);
    assertThat(untouched.activatedAt()).isNull();

    // the technician it was issued to opens the session
    ResponseEntity<JsonNode> own = check(TECHNICIAN, workOrder, identifier);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody().path("valid").asBoolean()).isTrue();
    assertThat(grants.findByWorkOrder(workOrder).orElseThrow().state()).isEqualTo(RemoteAccessGrant.ACTIVE);
  }

  @Test
  void aMalformedCheckIsABadRequest() {
    assertThat(post(TOOL, Map.of("workOrder", "OT-1")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post(TOOL, Map.of("identifier", "x")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post(TOOL, Map.of("workOrder", " ", "identifier", " ")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post(TOOL, Map.of("workOrder", Map.of("a", 1), "identifier", "x")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.withBasicAuth(TOOL, PASSWORD).postForEntity("/api/remote-access/verify",
        new HttpEntity<>("esto no es JSON", headers), String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.withBasicAuth(TOOL, PASSWORD).postForEntity("/api/remote-access/verify",
        new HttpEntity<>("", headers), String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private static String newWorkOrder() {
    return "OT-API-" + System.nanoTime() % 10_000_000;
  }

  private String issue(String workOrder, String kind, String technician) {
    return identifiers.issue(new RemoteAccessGrant(null, workOrder, null, kind, "updates",
        "Prueba", "INV-1", null, STAFF, technician, "Empresa", "Persona", DIRECTOR,
        Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.HOURS), null, null, null, null,
        null, null, false, null));
  }

  private ResponseEntity<JsonNode> check(String workOrder, String identifier) {
    return check(TOOL, workOrder, identifier);
  }

  private ResponseEntity<JsonNode> check(String user, String workOrder, String identifier) {
    return post(user, Map.of("workOrder", workOrder, "identifier", identifier));
  }

  private ResponseEntity<JsonNode> post(String user, Map<String, ?> body) {
    return http.withBasicAuth(user, PASSWORD).postForEntity("/api/remote-access/verify", body, JsonNode.class);
  }
}
