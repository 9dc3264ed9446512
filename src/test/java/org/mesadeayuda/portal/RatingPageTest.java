package org.mesadeayuda.portal;

import org.mesadeayuda.PdfText;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestMail;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SR-12 from the e-mail: the "ticket finalizado" e-mail's one-time link opens the rating page without a login; it
 * rates that ticket once, through the rating task and its checks, and explains itself when used, replaced, expired or
 * not ours. Only the token's hash is stored.
 */
@MesaSpringTest
class RatingPageTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String REQUESTER = "cal.solicitante";
  static final String TECHNICIAN = "cal.tecnico";
  static final String PASSWORD = "Clave-de-prueba-1";
  static final Pattern LINK = Pattern.compile("http://localhost:8080/portal/calificar/([A-Za-z0-9_-]{43})");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void users() {
    TestUsers.create(identityService, REQUESTER, "solicitantes", PASSWORD);
    TestUsers.create(identityService, TECHNICIAN, "tecnicos", PASSWORD);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theLinkRatesItsTicketOnceThroughTheRatingTask() throws Exception {
    ProcessInstance ticket = toRating();
    String number = ticket.getBusinessKey();
    String token = link(number);
    // only the hash is kept: the table alone rates nothing
    assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_rating_token WHERE token_hash = ?").param(token)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT case_number FROM portal_rating_token WHERE token_hash = ?")
        .param(RatingTokens.hash(token)).query(String.class).single()).isEqualTo(number);

    // both e-mails lead to the request's page in "Mis solicitudes"
    assertThat(body("Solicitud recibida — " + number)).contains("Siga su solicitud en «Mis solicitudes»: "
        + "http://localhost:8080/portal/solicitudes/" + number);
    assertThat(body("Ticket finalizado — " + number)).contains("sin iniciar sesión (el enlace sirve una sola vez)",
        "http://localhost:8080/portal/solicitudes/" + number);

    PortalBrowser anybody = new PortalBrowser(port);
    HttpResponse<String> page = anybody.get("/portal/calificar/" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Su solicitud " + number + " fue finalizada", "Se cambió el cargador",
        "¿Su problema o requerimiento quedó resuelto?", "Conforme", "No conforme");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");

    // the rating task's own check: a solved problem needs its rating; refused, nothing is used up
    HttpResponse<String> incomplete = anybody.post("/portal/calificar/" + token, Map.of("solutionVerified", "yes"));
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body()).contains("No se registró su respuesta", "Califique el servicio: conforme o no "
        + "conforme").doesNotContain("ENGINE-");
    assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKey(RatingTokens.RATING_TASK).count()).isOne();

    HttpResponse<String> rated = anybody.post("/portal/calificar/" + token, Map.of("solutionVerified", "yes",
        "satisfaction", "no_conforme", "ratingComment", "Tardó más de lo prometido"));
    assertThat(rated.statusCode()).isEqualTo(200);
    assertThat(rated.body()).contains("Gracias por su respuesta", number);
    Jobs.runAsyncSteps(managementService, ticket);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(ticket.getId()).singleResult()
        .getEndTime()).isNotNull();
    assertThat(jdbc.sql("SELECT satisfaction FROM support_ticket WHERE ticket_number = ?").param(number)
        .query(String.class).single()).isEqualTo("no_conforme");
    // completed as the requester, as in Tasklist
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(ticket.getId())
        .variableName("completedBy").list()).anyMatch(variable -> REQUESTER.equals(variable.getValue()));

    HttpResponse<String> again = anybody.post("/portal/calificar/" + token, Map.of("solutionVerified", "yes",
        "satisfaction", "conforme"));
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("Este enlace ya se usó");
    assertThat(anybody.get("/portal/calificar/" + token).body()).contains("Este enlace ya se usó");

    // her page shows the rating, and never the link itself
    String detail = PortalBrowser.signedIn(port, REQUESTER, PASSWORD).get("/portal/solicitudes/" + number).body();
    assertThat(detail).contains("Calificada", "No conforme: Tardó más de lo prometido", "Ticket finalizado — " + number,
        "Cerrada — calificada no conforme", "Nada: la solicitud está cerrada.")
        .doesNotContain(token);
  }

  @Test
  void aLinkThatIsNotOursIsExplained() throws Exception {
    PortalBrowser anybody = new PortalBrowser(port);
    HttpResponse<String> malformed = anybody.get("/portal/calificar/abc%27%3Cscript%3E");
    assertThat(malformed.statusCode()).isEqualTo(404);
    assertThat(malformed.body()).contains("Este enlace no es válido");
    HttpResponse<String> unknown = anybody.post("/portal/calificar/" + "A".repeat(43),
        Map.of("solutionVerified", "yes", "satisfaction", "conforme"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Este enlace no es válido");
  }

  @Test
  void theLinkEndsWithTheRatingTimer() throws Exception {
    ProcessInstance ticket = toRating();
    String token = link(ticket.getBusinessKey());
    Date expires = jdbc.sql("SELECT expires_at FROM portal_rating_token WHERE token_hash = ?")
        .param(RatingTokens.hash(token)).query(Date.class).single();
    Date timer = managementService.createJobQuery().processInstanceId(ticket.getId()).timers().list().stream()
        .filter(job -> job.getDuedate() != null).map(job -> job.getDuedate()).max(Date::compareTo).orElseThrow();
    assertThat(Math.abs(expires.getTime() - timer.getTime())).isLessThan(Duration.ofSeconds(5).toMillis());

    ClockUtil.setCurrentTime(new Date(expires.getTime() + 1000));
    HttpResponse<String> late = new PortalBrowser(port).post("/portal/calificar/" + token,
        Map.of("solutionVerified", "yes", "satisfaction", "conforme"));
    assertThat(late.statusCode()).isEqualTo(410);
    assertThat(late.body()).contains("El plazo para calificar la solicitud " + ticket.getBusinessKey() + " terminó");
    assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKey(RatingTokens.RATING_TASK).count()).isOne();
  }

  @Test
  void aLaterTicketFinishedEmailReplacesTheLink() throws Exception {
    ProcessInstance ticket = toRating();
    String first = link(ticket.getBusinessKey());
    // she answers in Tasklist that the problem continues; the technician solves it again and the desk closes
    identityService.setAuthentication(REQUESTER, java.util.List.of("solicitantes"));
    try {
      taskService.complete(Jobs.onlyTask(taskService, ticket).getId(), Map.of("solutionVerified", "no",
          "verificationReason", "Sigue sin cargar"));
    } finally {
      identityService.clearAuthentication();
    }
    Jobs.runAsyncSteps(managementService, ticket);
    solveAndClose(ticket, "Se cambió la batería");
    String second = link(ticket.getBusinessKey());
    assertThat(second).isNotEqualTo(first);

    HttpResponse<String> old = new PortalBrowser(port).get("/portal/calificar/" + first);
    assertThat(old.statusCode()).isEqualTo(410);
    assertThat(old.body()).contains("Este enlace fue reemplazado");
    assertThat(new PortalBrowser(port).get("/portal/calificar/" + second).statusCode()).isEqualTo(200);
  }

  private String body(String subject) throws Exception {
    for (MimeMessage message : mail.getReceivedMessages()) {
      if (message.getSubject().equals(subject)) {
        return PdfText.body(message);
      }
    }
    throw new AssertionError("no e-mail " + subject);
  }

  /** The newest rating link e-mailed for the ticket (the outbox drops a body once it is sent). */
  private String link(String number) throws Exception {
    String link = null;
    for (MimeMessage message : mail.getReceivedMessages()) {
      if (message.getSubject().equals("Ticket finalizado — " + number)) {
        String text = PdfText.body(message);
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        link = matcher.group(1);
      }
    }
    assertThat(link).as("a ticket-finished e-mail for " + number).isNotNull();
    return link;
  }

  private ProcessInstance toRating() {
    Map<String, Object> request = new java.util.HashMap<>(Map.of("requesterName", "Carla Solís",
        "requester", REQUESTER, "requesterEmail", "carla.solis@institucion.gob", "department", "operaciones",
        "channel", "web", "requestType", "equipment_support", "description", "El portátil no carga la batería",
        "impact", "low", "urgency", "low"));
    ProcessInstance ticket = runtimeService.startProcessInstanceByKey("support-request", request);
    Jobs.runAsyncSteps(managementService, ticket);
    taskService.complete(Jobs.onlyTask(taskService, ticket).getId(), Map.of("requestType", "equipment_support",
        "priority", "low", "technician", TECHNICIAN, "supportLevel", "1", "resourcesAvailable", "yes"));
    Jobs.runAsyncSteps(managementService, ticket);
    taskService.complete(Jobs.onlyTask(taskService, ticket).getId(), Map.of("firstContactChannel", "phone"));
    Jobs.runAsyncSteps(managementService, ticket);
    solveAndClose(ticket, "Se cambió el cargador");
    assertThat(Jobs.onlyTask(taskService, ticket).getTaskDefinitionKey()).isEqualTo(RatingTokens.RATING_TASK);
    return ticket;
  }

  private void solveAndClose(ProcessInstance ticket, String workDone) {
    Task attend = Jobs.onlyTask(taskService, ticket);
    taskService.complete(attend.getId(), Map.of("attentionMode", "on_site", "workDone", workDone,
        "outcome", "solved"));
    Jobs.runAsyncSteps(managementService, ticket);
    taskService.complete(Jobs.onlyTask(taskService, ticket).getId(), Map.of("closingDecision", "close",
        "deskComment", "Verificado"));
    Jobs.runAsyncSteps(managementService, ticket);
  }
}
