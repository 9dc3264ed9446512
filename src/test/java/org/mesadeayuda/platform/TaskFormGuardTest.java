package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.maintenance.MaintenanceProgrammes;
import org.mesadeayuda.maintenance.Semester;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 14, "the engine checks what the forms ask": walks every user task of every deployed process (read from the
 * models, so a new task or a new required field is covered without touching this test). For each field its form
 * requires and shows for a complete submission, completing the task with that field left empty (a checkbox left
 * unticked) is refused in Spanish and the task stays open; the complete submission passes the form's rules.
 */
@MesaSpringTest
class TaskFormGuardTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** Texts that meet the patterns our forms use (a Ministry ticket number, a code). */
  static final List<String> PATTERN_CANDIDATES = List.of("DTI-2026-4512", "INV-0001", "2026-07-06", "ABC123");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired MaintenanceProgrammes programmes;
  @Autowired TestRestTemplate http;
  Long programmeId;

  @BeforeEach
  void programme() {
    // a semester no other test uses: the maintenance tasks read their programme
    Semester semester = Semester.parse("2032-S1").orElseThrow();
    programmeId = programmes.programmeInForce(semester).orElseGet(() -> programmes.open(semester, "formularios")).id();
  }

  @Test
  void everyRequiredFieldOfEveryTaskIsCheckedByTheEngine() throws Exception {
    List<String> walked = new ArrayList<>();
    List<String> refusedByTheFormRules = new ArrayList<>();
    List<String> refusedByTheProcedure = new ArrayList<>();
    SoftAssertions softly = new SoftAssertions();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      for (UserTask userTask : repositoryService.getBpmnModelInstance(definition.getId())
          .getModelElementsByType(UserTask.class)) {
        String where = definition.getKey() + "/" + userTask.getId();
        walked.add(where);
        ProcessInstance instance;
        try {
          instance = startBefore(definition, userTask);
        } catch (RuntimeException cannotCreate) {
          // a new task whose expressions read more case data than caseVariables() gives: add it there
          softly.fail(where + " could not be created: " + cannotCreate);
          continue;
        }
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(userTask.getId()).list().get(0);
        List<JsonNode> fields = fields(task);
        Map<String, Object> complete = completeSubmission(fields, task);

        for (JsonNode field : fields) {
          String key = field.path("key").asText();
          if (!field.path("validate").path("required").asBoolean(false) || hidden(field, complete, instance)) {
            continue;
          }
          Map<String, Object> without = new HashMap<>(complete);
          // left empty as a person clears it: also a value the case already held is not sent
          without.put(key, switch (field.path("type").asText()) {
            case "checkbox" -> false;
            case "textfield", "textarea" -> "";
            default -> null;
          });
          String case_ = where + " without " + key;
          Optional<InvalidInputException> refusal = refusal(task, without);
          softly.assertThat(refusal).as(case_ + " is refused").isPresent();
          refusal.ifPresent(invalid -> {
            // a sentence for the person, not the engine's wrapping or a Java message
            softly.assertThat(invalid.getMessage()).as(case_)
                .doesNotContain("ENGINE-", "Exception", "Cannot ", " must ", "null").endsWith(".");
            if (invalid.getMessage().startsWith(TaskFormGuard.REFUSAL)) {
              softly.assertThat(invalid.getMessage()).as(case_ + " names the field by its label")
                  .contains(field.path("label").asText());
              refusedByTheFormRules.add(case_);
            } else {
              refusedByTheProcedure.add(case_);
            }
          });
          softly.assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(case_ + " stays open")
              .isEqualTo(1);
        }
        // last, as it may complete the task: the guard accepts what a person filling the whole form sends
        softly.assertThat(guardRefusal(task, complete)).as(where + " complete submission").isEmpty();
        runtimeService.deleteProcessInstanceIfExists(instance.getId(), "prueba de formularios", true, true, true,
            true);
      }
    }
    System.out.printf("Task forms: %d tasks walked, %d required fields refused by the form's rules, %d by the "
        + "procedure's own check first%n", walked.size(), refusedByTheFormRules.size(), refusedByTheProcedure.size());
    assertThat(walked).hasSizeGreaterThan(35);
    assertThat(walked.stream().map(task -> task.substring(0, task.indexOf('/'))).collect(Collectors.toSet()))
        .contains("support-request", "remote-access", "email-account", "equipment-failure", "preventive-maintenance",
            "software-installation", "software-declaration", "information-backup", "data-centre-backup",
            "monthly-report");
    assertThat(refusedByTheFormRules.size() + refusedByTheProcedure.size()).isGreaterThan(40);
    softly.assertAll();
  }

  /**
   * Tasklist sends a form's read-only fields back with the rest (form-js submits them): the desk closing a ticket sends
   * the technician's "Trabajo realizado" as it was. That is not a change of the case and must go through; a different
   * value for the same field is refused, as is a case fact the form does not show. Walks every task whose form has a
   * read-only field, completing it as a signed-in person (the guard leaves the engine's own steps alone).
   */
  @Test
  void readOnlyFieldsSentBackAsTheyWereAreAcceptedAndAChangedOneIsRefused() throws Exception {
    List<String> walked = new ArrayList<>();
    SoftAssertions softly = new SoftAssertions();
    identityService.setAuthentication(MesaSpringTest.ADMIN, List.of("camunda-admin"));
    try {
      for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
        for (UserTask userTask : repositoryService.getBpmnModelInstance(definition.getId())
            .getModelElementsByType(UserTask.class)) {
          String where = definition.getKey() + "/" + userTask.getId();
          ProcessInstance probe = startBefore(definition, userTask);
          Task probeTask = task(probe, userTask);
          List<String> readOnly = readOnlyKeys(probeTask);
          List<JsonNode> fields = fields(probeTask);
          runtimeService.deleteProcessInstanceIfExists(probe.getId(), "prueba de formularios", true, true, true, true);
          if (readOnly.isEmpty()) {
            continue;
          }
          walked.add(where);
          String field = readOnly.get(0);
          for (boolean changed : List.of(false, true)) {
            Map<String, Object> caseData = caseVariables();
            readOnly.forEach(key -> caseData.putIfAbsent(key, "Lo que el caso ya tenía en " + key));
            ProcessInstance instance = runtimeService.createProcessInstanceById(definition.getId())
                .businessKey("FORM-" + System.nanoTime()).setVariables(caseData)
                .startBeforeActivity(userTask.getId()).execute(true, true);
            Map<String, Object> submission = completeSubmission(fields, task(instance, userTask));
            readOnly.forEach(key -> submission.put(key, runtimeService.getVariable(instance.getId(), key)));
            if (changed) {
              submission.put(field, "Otro texto");
            }
            Optional<String> refused = refusal(task(instance, userTask), submission)
                .map(InvalidInputException::getMessage).filter(message -> message.startsWith(CHANGE_REFUSED));
            if (changed) {
              softly.assertThat(refused).as(where + " with " + field + " changed").hasValueSatisfying(
                  message -> assertThat(message).contains(field));
            } else {
              softly.assertThat(refused).as(where + " with its read-only fields as they were").isEmpty();
            }
            runtimeService.deleteProcessInstanceIfExists(instance.getId(), "prueba de formularios", true, true, true,
                true);
          }
        }
      }
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(walked).contains("support-request/Task_CloseTicket");
    softly.assertAll();
  }

  static final String CHANGE_REFUSED = "Esta tarea no puede cambiar los datos del caso";

  private Task task(ProcessInstance instance, UserTask userTask) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(userTask.getId())
        .list().get(0);
  }

  private List<String> readOnlyKeys(Task task) throws Exception {
    List<String> keys = new ArrayList<>();
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      readOnly(JSON.readTree(form).path("components"), keys);
    }
    return keys;
  }

  private static void readOnly(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && component.path("readonly").asBoolean(false)) {
        keys.add(component.path("key").asText());
      }
      readOnly(component.path("components"), keys);
    }
  }

  /** Through /engine-rest as well: 400 with the Spanish reason naming the field, the task open, nothing recorded. */
  @Test
  void aRestCompletionWithoutARequiredFieldIs400AndChangesNothing() {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("software-declaration").latestVersion().singleResult();
    UserTask uninstall = repositoryService.getBpmnModelInstance(definition.getId())
        .getModelElementsByType(UserTask.class).stream()
        .filter(task -> "software-declaration-uninstall".equals(task.getCamundaFormRef())).findFirst().orElseThrow();
    ProcessInstance instance = startBefore(definition, uninstall);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    ResponseEntity<JsonNode> refused = http.withBasicAuth(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD)
        .postForEntity("/engine-rest/task/" + task.getId() + "/complete",
            Map.of("variables", Map.of("uninstalledOk", Map.of("value", true))), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("message").asText()).startsWith(TaskFormGuard.REFUSAL)
        .contains("Desinstalación realizada (uninstallNotes): es obligatorio").doesNotContain("ENGINE-");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(instance.getId(), "uninstalledOk")).isNull();
    runtimeService.deleteProcessInstance(instance.getId(), "prueba de formularios");
  }

  private ProcessInstance startBefore(ProcessDefinition definition, UserTask userTask) {
    return runtimeService.createProcessInstanceById(definition.getId())
        .businessKey("FORM-" + System.nanoTime())
        .setVariables(caseVariables())
        .startBeforeActivity(userTask.getId())
        .execute(true, true);
  }

  /** The refusal of the form's rules (this guard), if it refused. */
  private Optional<String> guardRefusal(Task task, Map<String, Object> variables) {
    return refusal(task, variables).map(InvalidInputException::getMessage)
        .filter(message -> message.startsWith(TaskFormGuard.REFUSAL));
  }

  /**
   * Completes the task and, if it was refused, gives the Spanish refusal; a completion that went through is undone
   * by the caller deleting the case. Another failure (the case started in the middle lacks register data a later
   * step reads) is not a refusal of the input.
   */
  private Optional<InvalidInputException> refusal(Task task, Map<String, Object> variables) {
    try {
      taskService.complete(task.getId(), variables);
      return Optional.empty();
    } catch (RuntimeException error) {
      for (Throwable cause = error; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidInputException invalid) {
          return Optional.of(invalid);
        }
      }
      return Optional.empty();
    }
  }

  private List<JsonNode> fields(Task task) throws Exception {
    List<JsonNode> fields = new ArrayList<>();
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      collect(JSON.readTree(form).path("components"), fields);
    }
    return fields;
  }

  private static void collect(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false)
          && !component.path("disabled").asBoolean(false)) {
        fields.add(component);
      }
      collect(component.path("components"), fields);
    }
  }

  /** A valid value for every field a person fills, as Tasklist sends them. */
  private Map<String, Object> completeSubmission(List<JsonNode> fields, Task task) throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    for (JsonNode field : fields) {
      JsonNode validate = field.path("validate");
      Object value = switch (field.path("type").asText()) {
        case "checkbox" -> true;
        case "number" -> Math.max(1, validate.path("min").asInt(1));
        case "datetime" -> "date".equals(field.path("subtype").asText())
            ? LocalDate.now().plusDays(3).toString() : LocalDate.now().plusDays(3) + "T10:00";
        // a person is chosen among the users the engine put in the task (issue 16): the case's, as Tasklist shows
        // it, when it is offered, else the first one offered
        case "select", "radio" -> field.has("valuesKey")
            ? offered(taskService.getVariable(task.getId(), field.path("valuesKey").asText()),
                taskService.getVariable(task.getId(), field.path("key").asText()))
            : field.path("values").path(0).path("value").asText(null);
        case "checklist", "taglist" -> null;
        default -> text(validate);
      };
      if (value != null) {
        values.put(field.path("key").asText(), value);
      }
    }
    return values;
  }

  private static String offered(Object options, Object current) throws Exception {
    if (options == null) {
      return null;
    }
    JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(options.toString());
    for (JsonNode option : list) {
      if (option.path("value").asText().equals(String.valueOf(current))) {
        return option.path("value").asText();
      }
    }
    return list.path(0).path("value").asText(null);
  }

  private static String text(JsonNode validate) {
    if ("email".equals(validate.path("validationType").asText())) {
      return "prueba.formularios@institucion.gob";
    }
    String pattern = validate.path("pattern").asText("");
    if (!pattern.isEmpty()) {
      return PATTERN_CANDIDATES.stream().filter(candidate -> Pattern.compile(pattern).matcher(candidate).find())
          // none: the complete submission is then refused, and the test says which field to add a text for
          .findFirst().orElse("Texto sin el formato " + pattern);
    }
    String text = "Texto de prueba de los formularios";
    int minLength = validate.path("minLength").asInt(0);
    return text.length() >= minLength ? text : text + " " + "x".repeat(minLength - text.length());
  }

  /** Whether the form hides the field for the complete submission (form-js {@code conditional.hide}, FEEL). */
  private boolean hidden(JsonNode field, Map<String, Object> submission, ProcessInstance instance) {
    String hide = field.path("conditional").path("hide").asText("");
    if (hide.isEmpty()) {
      return false;
    }
    VariableMap context = Variables.createVariables();
    context.putAll(runtimeService.getVariables(instance.getId()));
    context.putAll(submission);
    FeelEngine feel = ((DefaultDmnEngineConfiguration) ((ProcessEngineConfigurationImpl) engineConfiguration)
        .getDmnEngineConfiguration()).getFeelEngine();
    return Boolean.TRUE.equals(feel.evaluateSimpleExpression(hide.replaceFirst("^=", ""),
        context.asVariableContext()));
  }

  /** What the expressions of the tasks need ({@link TaskCaseData}), and what this test's drivers choose. */
  private Map<String, Object> caseVariables() {
    Map<String, Object> variables = TaskCaseData.forEveryTask("form.funcionaria", "form.solicitante", "form.jefe",
        "form.tecnico", programmeId, "2032-01-12");
    variables.put("requestType", "creation");
    variables.put("backupKind", "one_time");
    return variables;
  }
}
