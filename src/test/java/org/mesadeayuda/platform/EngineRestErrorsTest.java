package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What Tasklist receives when a start or task form is refused: our reason alone, as a 400; nothing else changes. */
@MesaSpringTest
class EngineRestErrorsTest {

  static final String HEAD_OF_IT = "rest.director.ti";
  static final String PASSWORD = "Clave-de-prueba-9";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, HEAD_OF_IT, "director-ti", PASSWORD);
    cleanUp();
  }

  @AfterEach
  void cleanUp() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey("preventive-maintenance").list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test"));
    jdbc.sql("DELETE FROM maintenance_reprogramming").update();
    jdbc.sql("DELETE FROM maintenance_item").update();
    jdbc.sql("DELETE FROM maintenance_programme").update();
  }

  @Test
  void aRefusedStartFormShowsOnlyTheReason() {
    ResponseEntity<JsonNode> refused = startProgramme("segundo");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("type").asText()).isEqualTo("InvalidInputException");
    // the start form's own pattern, checked on the server too (issue 13): the field and the form's message
    assertThat(refused.getBody().path("message").asText()).isEqualTo("Revise los datos de la solicitud. Semestre "
        + "(opcional) (semester): Use el formato AAAA-S1 o AAAA-S2, por ejemplo 2027-S1.");
  }

  @Test
  void aRefusedTaskFormShowsOnlyTheReasonAndTheTaskStays() {
    assertThat(startProgramme("2098-S1").getStatusCode()).isEqualTo(HttpStatus.OK);
    Task draft = taskService.createTaskQuery().processInstanceBusinessKey("MP-2098-S1").singleResult();

    ResponseEntity<JsonNode> refused = http.withBasicAuth(HEAD_OF_IT, PASSWORD).postForEntity(
        "/engine-rest/task/" + draft.getId() + "/submit-form",
        Map.of("variables", Map.of("programmeEdits", Map.of("value", "NO-EXISTE; 2098-02-09"))), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String message = refused.getBody().path("message").asText();
    assertThat(message).startsWith("Línea 1:").contains("NO-EXISTE").doesNotContain("ENGINE-", "TaskListener",
        "Cannot submit");
    assertThat(taskService.createTaskQuery().taskId(draft.getId()).count()).isEqualTo(1);
  }

  @Test
  void otherErrorsKeepCamundasAnswer() {
    ResponseEntity<JsonNode> missing = http.withBasicAuth(HEAD_OF_IT, PASSWORD).postForEntity(
        "/engine-rest/task/no-such-task/submit-form", Map.of("variables", Map.of()), JsonNode.class);

    assertThat(missing.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(missing.getBody().path("type").asText()).isNotEqualTo("InvalidInputException");
    assertThat(missing.getBody().path("message").asText()).contains("no-such-task");
  }

  private ResponseEntity<JsonNode> startProgramme(String semester) {
    return http.withBasicAuth(HEAD_OF_IT, PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/preventive-maintenance/submit-form",
        Map.of("variables", Map.of("semester", Map.of("value", semester))), JsonNode.class);
  }
}
