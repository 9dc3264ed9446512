package org.mesadeayuda.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestMail;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Mis solicitudes" through HTTP, signed in with the webapps' login: the list, a request's story, a new request
 * started through the engine's own start check, and who may see what (401 without a login, 403 for someone else's).
 */
@MesaSpringTest
class PortalPageTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String PAULA = "por.solicitante";
  static final String OTHER = "por.otra";
  static final String DESK = "por.mesa";
  static final String TECHNICIAN = "por.tecnico";
  static final String PASSWORD = "Clave-de-prueba-1";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void users() {
    if (identityService.createUserQuery().userId(PAULA).count() == 0) {
      User paula = identityService.newUser(PAULA);
      paula.setFirstName("Paula");
      paula.setLastName("Gómez");
      paula.setEmail("paula.gomez@institucion.gob");
      paula.setPassword(PASSWORD);
      identityService.saveUser(paula);
      identityService.createMembership(PAULA, "solicitantes");
    }
    TestUsers.create(identityService, OTHER, "solicitantes", PASSWORD);
    TestUsers.create(identityService, DESK, "mesa-ayuda", PASSWORD);
    TestUsers.create(identityService, TECHNICIAN, "tecnicos", PASSWORD);
  }

  @Test
  void theNewRequestFormAsksAgainByItselfWhenAnAnswerOtherQuestionsDependOnChanges() throws Exception {
    PortalBrowser paula = PortalBrowser.signedIn(port, PAULA, PASSWORD);
    HttpResponse<String> form = paula.get("/portal/nueva");
    // the answers the start form's conditions read (the request type shows the equipment questions, ...)
    assertThat(form.body()).containsPattern("data-refresh=\"[^\"]*\\brequestType\\b")
        .contains("<script src=\"/portal/nueva.js\" defer></script>")
        // without JavaScript the button still does it
        .contains("name=\"actualizar\"", "Actualizar el formulario");
    assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline'; script", "unsafe-eval"));
    HttpResponse<String> script = paula.get("/portal/nueva.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .contains("javascript"));
    assertThat(script.body()).contains("data-refresh", "button[name=\"actualizar\"]");
  }

  @Test
  void aNewRequestIsPrefilledCheckedByTheEngineAndShowsItsNumber() throws Exception {
    PortalBrowser paula = PortalBrowser.signedIn(port, PAULA, PASSWORD);
    HttpResponse<String> form = paula.get("/portal/nueva");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Nueva solicitud de soporte", "value=\"Paula Gómez\"",
        "value=\"paula.gomez@institucion.gob\"", "Tipo de solicitud", "Soporte a equipos de cómputo",
        "Descripción del problema o requerimiento");
    // the channel is not asked: a request from the portal arrives through the web
    assertThat(form.body()).doesNotContain("Medio de recepción");
    long before = historyService.createHistoricProcessInstanceQuery().startedBy(PAULA).count();

    Map<String, String> answers = answers(PortalBrowser.csrf(form.body()));
    answers.put("description", "corta");
    // (not the department: once her profile knows it the engine takes it from there, issue 16)
    answers.remove("impact");
    HttpResponse<String> refused = paula.post("/portal/nueva", answers);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Revise la solicitud", "href=\"#impact\"", "value=\"Paula Gómez\"");
    assertThat(refused.body()).containsPattern("id=\"description-problem\"[^>]*>[^<]*10");
    assertThat(historyService.createHistoricProcessInstanceQuery().startedBy(PAULA).count()).isEqualTo(before);

    HttpResponse<String> sent = paula.post("/portal/nueva", answers(PortalBrowser.csrf(form.body())));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String location = sent.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/portal/solicitudes/SOP-\\d{4}-\\d{6}\\?registrada");
    String number = location.replaceAll(".*/solicitudes/([^?]+).*", "$1");
    HttpResponse<String> shown = paula.get("/portal/solicitudes/" + number + "?registrada");
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("Su solicitud quedó registrada con el número " + number);

    HistoricProcessInstance started = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(number).singleResult();
    assertThat(started.getStartUserId()).isEqualTo(PAULA);
    assertThat(variable(started, "requester")).isEqualTo(PAULA);
    assertThat(variable(started, "channel")).isEqualTo("web");
    assertThat(variable(started, "department")).isEqualTo("operaciones");

    // her next request starts from what she wrote last: her department and phone
    assertThat(paula.get("/portal/nueva").body()).contains("value=\"2222-1111\"")
        .containsPattern("value=\"operaciones\"\\s+selected");
  }

  @Test
  void aPostFromAnotherSiteStartsNothing() throws Exception {
    PortalBrowser paula = PortalBrowser.signedIn(port, PAULA, PASSWORD);
    paula.get("/portal/nueva");
    long before = historyService.createHistoricProcessInstanceQuery().startedBy(PAULA).count();
    HttpResponse<String> forged = paula.post("/portal/nueva", answers("0".repeat(64)));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("El formulario caducó");
    assertThat(historyService.createHistoricProcessInstanceQuery().startedBy(PAULA).count()).isEqualTo(before);
  }

  @Test
  void theListSaysWhereEachRequestIsAndFiltersAndFindsByNumber() throws Exception {
    PortalBrowser paula = PortalBrowser.signedIn(port, PAULA, PASSWORD);
    String number = open(paula);

    HttpResponse<String> list = paula.get("/portal/");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("Mis solicitudes", number, "Soporte a equipos de cómputo",
        "En revisión por", "En plazo");

    assign(number);
    assertThat(paula.get("/portal/").body()).contains("En atención por por.tecnico Prueba");
    assertThat(paula.get("/portal/?estado=cerradas").body()).doesNotContain(number);
    assertThat(paula.get("/portal/?numero=" + number).body()).contains(number);
    assertThat(paula.get("/portal/?numero=SOP-1999-000001").body())
        .contains("No hay ninguna solicitud con el número «SOP-1999-000001»").doesNotContain(number);

    HttpResponse<String> detail = paula.get("/portal/solicitudes/" + number);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body()).contains("Solicitud " + number, "Solicitud recibida", "Por formulario web",
        "Asignada", "Técnico: por.tecnico Prueba", "Primera respuesta del técnico", "Paso a su oficina a las 10",
        "Solicitud recibida — " + number, "Nada por ahora: la solicitud está en manos de la",
        "La solicitud no tiene documentos adjuntos",
        "/mesa/adjuntos/" + number);
  }

  @Test
  void nobodyElseSeesHerRequestsButTheDeskDoes() throws Exception {
    String number = open(PortalBrowser.signedIn(port, PAULA, PASSWORD));

    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        new PortalBrowser(port).uri("/portal/solicitudes/" + number)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("inicie sesión en Tasklist");

    PortalBrowser other = PortalBrowser.signedIn(port, OTHER, PASSWORD);
    HttpResponse<String> someoneElses = other.get("/portal/solicitudes/" + number);
    assertThat(someoneElses.statusCode()).isEqualTo(403);
    assertThat(someoneElses.body()).doesNotContain("Soporte a equipos", "Paula");
    // a number that does not exist gets the same answer: nothing is learnt about other people's cases
    assertThat(other.get("/portal/solicitudes/SOP-1999-000001").statusCode()).isEqualTo(403);
    assertThat(other.get("/portal/?solicitante=" + PAULA).statusCode()).isEqualTo(403);
    assertThat(other.get("/portal/").body()).doesNotContain(number);
    assertThat(other.get("/portal/?numero=" + number).body()).doesNotContain("solicitudes/" + number);

    PortalBrowser desk = PortalBrowser.signedIn(port, DESK, PASSWORD);
    HttpResponse<String> herList = desk.get("/portal/?solicitante=" + PAULA);
    assertThat(herList.statusCode()).isEqualTo(200);
    assertThat(herList.body()).contains("Solicitudes de Paula Gómez", number);
    HttpResponse<String> herRequest = desk.get("/portal/solicitudes/" + number);
    assertThat(herRequest.statusCode()).isEqualTo(200);
    assertThat(herRequest.body()).contains("Solicitud " + number, "Paula Gómez");
    assertThat(desk.get("/portal/solicitudes/SOP-1999-000001").statusCode()).isEqualTo(404);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private Map<String, String> answers(String csrf) {
    Map<String, String> answers = new HashMap<>();
    answers.put("_csrf", csrf);
    answers.put("requesterName", "Paula Gómez");
    answers.put("requesterEmail", "paula.gomez@institucion.gob");
    answers.put("requesterPhone", "2222-1111");
    answers.put("department", "operaciones");
    answers.put("requestType", "equipment_support");
    answers.put("assetTag", "INV-0042");
    answers.put("description", "La computadora no enciende desde esta mañana");
    answers.put("impact", "low");
    answers.put("urgency", "medium");
    return answers;
  }

  /** A request filed through the portal, its first steps run. */
  String open(PortalBrowser browser) throws Exception {
    HttpResponse<String> form = browser.get("/portal/nueva");
    HttpResponse<String> sent = browser.post("/portal/nueva", answers(PortalBrowser.csrf(form.body())));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String number = sent.headers().firstValue("Location").orElseThrow().replaceAll(".*/solicitudes/([^?]+).*", "$1");
    Jobs.runAsyncSteps(managementService, instance(number));
    return number;
  }

  /** The desk assigns the technician, who answers first. */
  void assign(String number) {
    ProcessInstance ticket = instance(number);
    taskService.complete(Jobs.onlyTask(taskService, ticket).getId(), Map.of("requestType", "equipment_support",
        "priority", "medium", "technician", TECHNICIAN, "supportLevel", "2", "resourcesAvailable", "yes"));
    Jobs.runAsyncSteps(managementService, ticket);
    taskService.complete(Jobs.onlyTask(taskService, ticket).getId(), Map.of("firstContactChannel", "phone",
        "firstResponseMessage", "Paso a su oficina a las 10:00"));
    Jobs.runAsyncSteps(managementService, ticket);
  }

  /** Solved by the technician and closed by the desk: the requester is asked to rate. */
  void solveAndClose(String number, String workDone) {
    ProcessInstance ticket = instance(number);
    taskService.complete(Jobs.onlyTask(taskService, ticket).getId(), Map.of("attentionMode", "on_site",
        "workDone", workDone, "outcome", "solved"));
    Jobs.runAsyncSteps(managementService, ticket);
    taskService.complete(Jobs.onlyTask(taskService, ticket).getId(), Map.of("closingDecision", "close",
        "deskComment", "Verificado"));
    Jobs.runAsyncSteps(managementService, ticket);
  }

  ProcessInstance instance(String number) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("support-request").singleResult();
  }

  private Object variable(HistoricProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
