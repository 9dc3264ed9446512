package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.mesadeayuda.support.SupportRequestProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 16, "no task can be assigned to someone who does not exist" and "less typing": person fields are choices among
 * real users, filled and checked by the engine; a task never goes to an unknown user; the ticket's technician is whoever
 * holds it now, and a sub-case inherits her; start forms take the requester's name, e-mail and department from her
 * profile, the channel is the web when she files herself, and only the desk files for someone else.
 */
@MesaSpringTest
class PeopleTest {

  static final String PASSWORD = "clave-personas-16";
  /** A requester with a full identity: name and e-mail. */
  static final String ROSA = "rosa.personas";
  static final String DESK = "mesa.personas";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired UserProfiles profiles;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void setUp() {
    init(engine);
    TestUsers.create(identityService, DESK, Role.MESA_AYUDA.groupId(), PASSWORD);
    TestUsers.create(identityService, ROSA, Role.SOLICITANTES.groupId(), PASSWORD);
    User rosa = identityService.createUserQuery().userId(ROSA).singleResult();
    rosa.setFirstName("Rosa");
    rosa.setLastName("Méndez");
    rosa.setEmail("rosa.mendez@institucion.gob");
    identityService.saveUser(rosa);
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  // --- a task never goes to an unknown user --------------------------------------------------------------------

  @Test
  void aTaskIsNeverAssignedToAUserWhoDoesNotExistHoweverItIsAssigned() {
    ProcessInstance ticket = start(null, formVariables());
    Task review = Jobs.onlyTask(taskService, ticket);

    assertThatThrownBy(() -> taskService.setAssignee(review.getId(), "tomas"))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("«tomas» no es un usuario del sistema");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();

    // as Tasklist and Cockpit do it: the REST API answers 400 in Spanish and nothing changes
    ResponseEntity<JsonNode> refused = http.withBasicAuth(DESK, PASSWORD).exchange(
        "/engine-rest/task/" + review.getId() + "/assignee", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "tomas")), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("message").asText()).contains("«tomas» no es un usuario del sistema");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();

    taskService.setAssignee(review.getId(), "marta.mesa");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
        .isEqualTo("marta.mesa");
  }

  @Test
  void theDeskChoosesTheTechnicianAmongTheUsersTheEngineOffersAndATypoIsRefused() throws Exception {
    ProcessInstance ticket = start(null, formVariables());
    Task review = Jobs.onlyTask(taskService, ticket);
    List<String> offered = values(taskService.getVariableLocal(review.getId(), FormOptions.SUPPORT_STAFF));
    assertThat(offered).contains("tomas.tecnico", "ingrid.especialista", "marta.mesa")
        .doesNotContain("ana.solicitante", ROSA);

    Map<String, Object> typo = reviewWith("tomas");
    assertThatThrownBy(() -> taskService.complete(review.getId(), typo))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("«tomas» no es un usuario del sistema");
    // a user who is not offered (a requester) is refused by the form's own list
    assertThatThrownBy(() -> taskService.complete(review.getId(), reviewWith("ana.solicitante")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("«ana.solicitante» no está entre las opciones de la lista");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

    taskService.complete(review.getId(), reviewWith("tomas.tecnico"));
    Jobs.runAsyncSteps(managementService, ticket);
    assertThat(Jobs.onlyTask(taskService, ticket).getAssignee()).isEqualTo("tomas.tecnico");
  }

  @Test
  void aTechnicianAddedOrRemovedInAdminIsOfferedOrNoLongerOfferedAtOnce() throws Exception {
    ProcessInstance first = start(null, formVariables());
    Task firstReview = Jobs.onlyTask(taskService, first);
    assertThat(values(taskService.getVariableLocal(firstReview.getId(), FormOptions.SUPPORT_STAFF)))
        .doesNotContain("nuevo.tecnico");

    // the lists are kept a while (issue 19), but a change made through the engine is seen by the next task
    TestUsers.create(identityService, "nuevo.tecnico", Role.TECNICOS.groupId(), PASSWORD);
    try {
      Task secondReview = Jobs.onlyTask(taskService, start(null, formVariables()));
      assertThat(values(taskService.getVariableLocal(secondReview.getId(), FormOptions.SUPPORT_STAFF)))
          .contains("nuevo.tecnico", "tomas.tecnico");
    } finally {
      identityService.deleteMembership("nuevo.tecnico", Role.TECNICOS.groupId());
    }
    Task thirdReview = Jobs.onlyTask(taskService, start(null, formVariables()));
    assertThat(values(taskService.getVariableLocal(thirdReview.getId(), FormOptions.SUPPORT_STAFF)))
        .doesNotContain("nuevo.tecnico").contains("tomas.tecnico");
    identityService.deleteUser("nuevo.tecnico");
  }

  // --- the ticket follows whoever holds it ----------------------------------------------------------------------

  @Test
  void aReassignmentInTasklistMovesTheTicketAndTheEquipmentSubCaseInheritsItsTechnician() {
    Map<String, Object> variables = formVariables();
    variables.put("requestType", "equipment_failure");
    variables.put("assetTag", "SIN-REGISTRO-16");
    ProcessInstance ticket = start(null, variables);
    Map<String, Object> review = reviewWith("tomas.tecnico");
    review.put("requestType", "equipment_failure");
    taskService.complete(Jobs.onlyTask(taskService, ticket).getId(), review);
    Jobs.runAsyncSteps(managementService, ticket);
    Task startAttention = Jobs.onlyTask(taskService, ticket);
    assertThat(startAttention.getAssignee()).isEqualTo("tomas.tecnico");

    // the desk gives the ticket to another technician in Tasklist (or Cockpit): the ticket is hers from now on
    taskService.setAssignee(startAttention.getId(), "ingrid.especialista");
    assertThat(runtimeService.getVariable(ticket.getId(), "technician")).isEqualTo("ingrid.especialista");

    taskService.complete(startAttention.getId(), Map.of("firstContactChannel", "phone"));
    Jobs.runAsyncSteps(managementService, ticket);
    ProcessInstance equipmentCase = runtimeService.createProcessInstanceQuery().superProcessInstanceId(ticket.getId())
        .singleResult();
    assertThat(equipmentCase).isNotNull();
    Jobs.runAsyncSteps(managementService, equipmentCase);
    Task identify = Jobs.onlyTask(taskService, equipmentCase);
    assertThat(identify.getTaskDefinitionKey()).isEqualTo("Task_IdentifyAsset");
    assertThat(identify.getAssignee()).isEqualTo("ingrid.especialista");
  }

  // --- start forms do not ask what the application knows --------------------------------------------------------

  @Test
  void aRequesterFilingHerselfGetsNameEmailAndDepartmentFromHerProfileAndTheWebAsChannel() {
    Map<String, Object> typed = formVariables();
    typed.remove("requester");
    typed.put("requesterName", "Otra Persona");
    typed.put("requesterEmail", "otra@ejemplo.com");
    typed.put("channel", "phone");
    typed.put("department", "operaciones");
    ProcessInstance first = start(ROSA, typed);

    Map<String, Object> variables = runtimeService.getVariables(first.getId());
    assertThat(variables).containsEntry("requester", ROSA).containsEntry("requesterName", "Rosa Méndez")
        .containsEntry("requesterEmail", "rosa.mendez@institucion.gob").containsEntry("channel", "web")
        .containsEntry("department", "operaciones");
    // the department she chose once is kept: the next form does not ask it
    assertThat(profiles.department(ROSA)).contains("operaciones");
    Map<String, Object> second = formVariables();
    second.remove("requester");
    second.remove("department");
    second.remove("requesterName");
    second.remove("requesterEmail");
    second.remove("channel");
    ProcessInstance next = start(ROSA, second);
    assertThat(runtimeService.getVariable(next.getId(), "department")).isEqualTo("operaciones");

    // she does not file for someone else
    Map<String, Object> forAna = formVariables();
    forAna.put("requester", "ana.solicitante");
    assertThatThrownBy(() -> start(ROSA, forAna))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("solo la mesa de ayuda registra solicitudes en nombre de otra persona");
  }

  @Test
  void theDeskFilesOnBehalfOfSomeoneChosenFromTheDirectoryAndATypoIsRefused() {
    profiles.setDepartment(ROSA, "operaciones");
    Map<String, Object> call = formVariables();
    call.put("requester", ROSA);
    call.put("channel", "phone");
    call.remove("requesterName");
    call.remove("requesterEmail");
    call.remove("department");
    ProcessInstance ticket = start(DESK, call);
    assertThat(runtimeService.getVariables(ticket.getId())).containsEntry("requester", ROSA)
        .containsEntry("registeredBy", DESK).containsEntry("requesterName", "Rosa Méndez")
        .containsEntry("requesterEmail", "rosa.mendez@institucion.gob").containsEntry("channel", "phone")
        .containsEntry("department", "operaciones");

    // "rosa" is nobody: the rating task would go to no one
    call.put("requester", "rosa");
    assertThatThrownBy(() -> start(DESK, call))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("«rosa» no es un usuario del sistema");
  }

  @Test
  void theStartFormIsServedWithTheEngineFilledChoicesAndWhatHerProfileSays() throws Exception {
    profiles.setDepartment(ROSA, "operaciones");
    JsonNode asRosa = servedStartForm(ROSA, List.of(Role.SOLICITANTES.groupId()));
    assertThat(component(asRosa, "requester")).as("she files for herself").isNull();
    assertThat(component(asRosa, "channel")).as("the channel is the web").isNull();
    assertThat(component(asRosa, "requesterName").path("defaultValue").asText()).isEqualTo("Rosa Méndez");
    assertThat(component(asRosa, "requesterName").path("readonly").asBoolean()).isTrue();
    assertThat(component(asRosa, "requesterEmail").path("defaultValue").asText())
        .isEqualTo("rosa.mendez@institucion.gob");
    JsonNode department = component(asRosa, "department");
    assertThat(department.path("defaultValue").asText()).isEqualTo("operaciones");
    assertThat(department.has("valuesKey")).isFalse();
    assertThat(values(department.path("values"))).contains("operaciones");
    assertThat(values(component(asRosa, "immediateBoss").path("values"))).contains("julia.jefa")
        .doesNotContain("tomas.tecnico");

    JsonNode asDesk = servedStartForm(DESK, List.of(Role.MESA_AYUDA.groupId(), Role.SOLICITANTES.groupId()));
    assertThat(values(component(asDesk, "requester").path("values"))).contains(ROSA, "ana.solicitante");
    assertThat(component(asDesk, "channel")).isNotNull();
    assertThat(component(asDesk, "department").path("validate").path("required").asBoolean(false)).isFalse();
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private ProcessInstance start(String userId, Map<String, Object> variables) {
    if (userId != null) {
      List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(group -> group.getId()).toList();
      identityService.setAuthentication(userId, groups);
    }
    try {
      ProcessInstance ticket = runtimeService.startProcessInstanceByKey("support-request", variables);
      identityService.clearAuthentication();
      Jobs.runAsyncSteps(managementService, ticket);
      return ticket;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private JsonNode servedStartForm(String userId, List<String> groups) throws Exception {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("support-request").latestVersion().singleResult().getId();
    identityService.setAuthentication(userId, groups);
    try (var form = formService.getDeployedStartForm(definition)) {
      return new ObjectMapper().readTree(form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static JsonNode component(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    return null;
  }

  private static List<String> values(Object options) throws Exception {
    JsonNode list = options instanceof JsonNode node ? node : new ObjectMapper().readTree(options.toString());
    List<String> values = new ArrayList<>();
    list.forEach(option -> values.add(option.path("value").asText()));
    return values;
  }

  private static Map<String, Object> reviewWith(String technician) {
    Map<String, Object> review = new HashMap<>(Map.of("requestType", "equipment_support", "priority", "medium",
        "supportLevel", "2", "resourcesAvailable", "yes"));
    review.put("technician", technician);
    return review;
  }

  /** A requester's support request as the start form sends it (the process tests' own). */
  static Map<String, Object> formVariables() {
    return SupportRequestProcessTest.formVariables();
  }
}
