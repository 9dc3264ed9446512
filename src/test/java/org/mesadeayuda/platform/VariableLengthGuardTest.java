package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.email.EmailAccountRequestRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A text too long for where it is kept is refused before anything is written, whichever way it comes in: the engine's
 * own 4000-character column, and each form field's {@code maxLength} (the register column it ends in).
 */
@MesaSpringTest
class VariableLengthGuardTest {

  static final String FIVE_THOUSAND = "x".repeat(5000);

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired EmailAccountRequestRepository requests;

  @AfterEach
  void cleanUp() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey("email-account").list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test"));
  }

  @Test
  void aStartWithATextTooLongForTheEngineStartsNothing() {
    long before = startedInstances();
    Map<String, Object> form = creation();
    form.put("justification", FIVE_THOUSAND);

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("email-account", form))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("justification").hasMessageContaining("4000");
    assertThat(startedInstances()).isEqualTo(before);
  }

  @Test
  void aStartFieldLongerThanItsFormAllowsIsRefusedByItsLabel() {
    long before = startedInstances();
    long rows = requests.count();
    Map<String, Object> form = creation();
    form.put("requesterName", "n".repeat(201));

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("email-account", form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("«Nombre completo de la persona» admite hasta 200 caracteres (tiene 201).");
    assertThat(startedInstances()).isEqualTo(before);
    assertThat(requests.count()).isEqualTo(rows);
  }

  @Test
  void aTaskFieldLongerThanItsFormAllowsIsRefusedBeforeTheDecisionIsRecorded() {
    ProcessInstance request = started();
    Task authorize = Jobs.onlyTask(taskService, request);

    // refusal_reason holds 1000 characters; the decision listener would write 1500 and fail with a 500
    assertThatThrownBy(() -> taskService.complete(authorize.getId(),
        Map.of("requestApproved", false, "refusalReason", "r".repeat(1500))))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause()
        .hasMessage("«Motivo del rechazo» admite hasta 1000 caracteres (tiene 1500).");

    assertThat(taskService.createTaskQuery().taskId(authorize.getId()).count()).isEqualTo(1);
    assertThat(requests.findByCaseNumber(request.getBusinessKey()).orElseThrow().status()).isEqualTo("requested");
  }

  @Test
  void throughEngineRestATooLongValueIs400AndTheTaskStaysOpen() {
    ProcessInstance request = started();
    Task authorize = Jobs.onlyTask(taskService, request);

    ResponseEntity<JsonNode> refused = admin().postForEntity("/engine-rest/task/" + authorize.getId() + "/complete",
        Map.of("variables", Map.of("requestApproved", Map.of("value", false),
            "refusalReason", Map.of("value", FIVE_THOUSAND))), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("message").asText()).contains("refusalReason", "4000");
    assertThat(taskService.createTaskQuery().taskId(authorize.getId()).count()).isEqualTo(1);
    assertThat(taskService.getVariable(authorize.getId(), "refusalReason")).isNull();
  }

  @Test
  void throughEngineRestAStartWithATooLongValueIs400AndStartsNothing() {
    long before = startedInstances();
    Map<String, Object> variables = new HashMap<>();
    creation().forEach((name, value) -> variables.put(name, Map.of("value", value)));
    variables.put("justification", Map.of("value", FIVE_THOUSAND));

    ResponseEntity<JsonNode> refused = admin().postForEntity(
        "/engine-rest/process-definition/key/email-account/start", Map.of("variables", variables), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("message").asText()).contains("justification");
    assertThat(startedInstances()).isEqualTo(before);
  }

  @Test
  void completingATaskThatDoesNotExistIs404() {
    for (String action : new String[] {"complete", "submit-form"}) {
      ResponseEntity<JsonNode> missing = admin().postForEntity("/engine-rest/task/no-such-task/" + action,
          Map.of("variables", Map.of()), JsonNode.class);
      assertThat(missing.getStatusCode()).as(action).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(missing.getBody().path("message").asText()).contains("no-such-task");
    }
  }

  /** Tasklist and the guard enforce the same limit; one that does not fit the engine's column would be a 500. */
  @Test
  void everyTextFieldOfEveryFormHasALimitTheEngineCanKeep() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> fields = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      for (Path form : files.filter(file -> file.toString().endsWith(".form")).toList()) {
        collectTextFields(json.readTree(form.toFile()).path("components"), form.getFileName().toString(), fields);
      }
    }
    assertThat(fields).hasSizeGreaterThan(100)
        .allSatisfy(field -> assertThat(field).doesNotContain("sin límite válido"));
  }

  private static void collectTextFields(JsonNode components, String form, List<String> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (type.equals("textfield") || type.equals("textarea")) {
        JsonNode maxLength = component.path("validate").path("maxLength");
        fields.add(form + " " + component.path("key").asText() + (maxLength.isInt() && maxLength.asInt() > 0
            && maxLength.asInt() <= VariableLengthGuard.ENGINE_TEXT_LIMIT ? "" : " sin límite válido"));
      }
      collectTextFields(component.path("components"), form, fields);
    }
  }

  private long startedInstances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("email-account").count();
  }

  private ProcessInstance started() {
    ProcessInstance request = runtimeService.startProcessInstanceByKey("email-account", creation());
    Jobs.runAsyncSteps(managementService, request);
    return request;
  }

  private TestRestTemplate admin() {
    return http.withBasicAuth(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD);
  }

  private static Map<String, Object> creation() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Carlos Pérez");
    variables.put("requesterEmail", "carlos.perez.contacto@correo.example");
    variables.put("department", "operaciones");
    // the boss is chosen among the users who head people (issue 16), not typed by name
    variables.put("immediateBoss", "julia.jefa");
    variables.put("requestType", "creation");
    variables.put("position", "Analista de quejas");
    variables.put("requestedAccount", "carlos.perez");
    variables.put("justification", "Atiende quejas de consumidores por correo");
    return variables;
  }
}
