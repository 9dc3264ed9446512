package org.mesadeayuda.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TasklistBrowser;
import org.mesadeayuda.TestUsers;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard page with the webapps' login: Quality, the Technology Director and the desk see every department; the
 * head of Operaciones (her department's head-user in the test profile) sees Operaciones only, in every figure and
 * every list; technicians, requesters and heads of no department are refused, and so is anyone not signed in.
 */
@MesaSpringTest
class DashboardPageTest {

  static final String PASSWORD = "Clave-de-tablero-1";
  /** The head of Operaciones in the test profile (mesa.institution.departments.operaciones.head-user). */
  static final String HEAD = "julia.jefa";
  static final String OPERATIONS_TICKET = "TAB-P-OPS";
  static final String LEGAL_TICKET = "TAB-P-JUR";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired BusinessCalendar calendar;

  DashboardTickets tickets;
  Map<String, Object> headPassword;
  boolean headCreated;

  @BeforeEach
  void ticketsAndUsers() {
    TestUsers.create(identityService, "tab.director", "director-ti", PASSWORD);
    TestUsers.create(identityService, "tab.calidad", "calidad", PASSWORD);
    TestUsers.create(identityService, "tab.mesa", "mesa-ayuda", PASSWORD);
    TestUsers.create(identityService, "tab.tecnico", "tecnicos", PASSWORD);
    TestUsers.create(identityService, "tab.solicitante", "solicitantes", PASSWORD);
    TestUsers.create(identityService, "tab.jefe", "jefes-proceso", PASSWORD);
    // the head may exist with another test's password: sign in with ours, and give hers back afterwards
    headCreated = identityService.createUserQuery().userId(HEAD).count() == 0;
    if (headCreated) {
      TestUsers.create(identityService, HEAD, "jefes-proceso", PASSWORD);
    } else {
      headPassword = jdbc.sql("SELECT PWD_, SALT_ FROM ACT_ID_USER WHERE ID_ = ?").param(HEAD).query().singleRow();
      User head = identityService.createUserQuery().userId(HEAD).singleResult();
      head.setPassword(PASSWORD);
      identityService.saveUser(head);
    }
    tickets = new DashboardTickets(jdbc);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    tickets.ticket(OPERATIONS_TICKET, "operaciones", now.minus(Duration.ofDays(6))).priority("critical")
        .assigned("tab.tecnico", now.minus(Duration.ofDays(6))).due(now.minus(Duration.ofHours(3))).save();
    tickets.ticket(LEGAL_TICKET, "juridico", now.minus(Duration.ofDays(6))).priority("critical")
        .assigned("tab.tecnico", now.minus(Duration.ofDays(6))).due(now.minus(Duration.ofHours(3))).save();
  }

  @AfterEach
  void cleanUp() {
    tickets.delete("TAB-P-");
    jdbc.sql("DELETE FROM maintenance_item WHERE asset_tag LIKE 'TAB-P-%'").update();
    jdbc.sql("DELETE FROM maintenance_programme WHERE semester = '2199-S2'").update();
    if (headCreated) {
      identityService.deleteUser(HEAD);
    } else {
      jdbc.sql("UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?")
          .params(headPassword.get("PWD_"), headPassword.get("SALT_"), HEAD).update();
    }
  }

  @Test
  void theTechnologyDirectorSeesEveryDepartmentAndTheTicketsBehindEachNumber() throws Exception {
    Browser director = new Browser("tab.director");
    HttpResponse<String> board = director.get("/mesa/tablero");
    assertThat(board.statusCode()).isEqualTo(200);
    assertThat(board.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(board.body()).contains("Tablero de la mesa de ayuda", "Todos los departamentos",
        "Semáforo del plazo de resolución", "Vencidas", "Antigüedad", "Carga por técnico",
        "Primera respuesta dentro de la meta", "Servicio conforme", "Satisfacción", "Mantenimiento preventivo",
        "Tendencia de los últimos 12 meses", "<svg", "href=\"/mesa/tablero/lista?semaforo=breached\"", "</html>")
        // every chart's palette is Okabe–Ito: no red/green pair
        .doesNotContain("#ff0000", "#00ff00", "fill=\"red\"", "fill=\"green\"");

    HttpResponse<String> breached = director.get("/mesa/tablero/lista?semaforo=breached");
    assertThat(breached.statusCode()).isEqualTo(200);
    assertThat(breached.body()).contains("Semáforo: Vencida", OPERATIONS_TICKET, LEGAL_TICKET, "Operaciones",
        "Asesoría Jurídica", "Crítica");
    assertThat(director.get("/mesa/tablero/lista?prioridad=critical").body()).contains(OPERATIONS_TICKET,
        LEGAL_TICKET);
    assertThat(director.get("/mesa/tablero/lista?tecnico=tab.tecnico").body()).contains(OPERATIONS_TICKET,
        LEGAL_TICKET, "Técnico: tab.tecnico Prueba (tab.tecnico)");
  }

  @Test
  void theMaintenanceProgrammesProgressIsShownAgainstItsTarget() throws Exception {
    jdbc.sql("INSERT INTO maintenance_programme (programme_code, semester, status, opened_at)"
        + " VALUES ('PM-2199-S2', '2199-S2', 'executing', CURRENT_TIMESTAMP)").update();
    String[] statuses = {"done", "done", "done", "done", "not_done"};
    for (int i = 0; i < statuses.length; i++) {
      jdbc.sql("INSERT INTO maintenance_item (programme_id, asset_tag, department, original_week, planned_week,"
              + " status) SELECT id, ?, 'operaciones', DATE '2099-07-06', DATE '2099-07-06', ? FROM"
              + " maintenance_programme WHERE semester = '2199-S2'")
          .params("TAB-P-UNIT-" + i, statuses[i]).update();
    }
    HttpResponse<String> board = new Browser("tab.director").get("/mesa/tablero");
    assertThat(board.statusCode()).isEqualTo(200);
    assertThat(board.body()).contains("Mantenimiento preventivo, programa 2199-S2 (meta 80 %)", "80,0 %",
        "mantenidos: 4 de 5; no realizados: 1; meta alcanzada")
        // the whole page was written (a template error would cut it short after a 200)
        .contains("Tendencia de los últimos 12 meses", "</html>");
  }

  @Test
  void qualityAndTheDeskSeeEveryDepartment() throws Exception {
    for (String user : new String[] {"tab.calidad", "tab.mesa"}) {
      Browser browser = new Browser(user);
      HttpResponse<String> board = browser.get("/mesa/tablero");
      assertThat(board.statusCode()).as(user).isEqualTo(200);
      assertThat(board.body()).as(user).contains("Todos los departamentos");
      assertThat(browser.get("/mesa/tablero/lista?semaforo=breached").body()).as(user)
          .contains(OPERATIONS_TICKET, LEGAL_TICKET);
    }
  }

  @Test
  void aHeadSeesHerDepartmentOnly() throws Exception {
    Browser head = new Browser(HEAD);
    HttpResponse<String> board = head.get("/mesa/tablero");
    assertThat(board.statusCode()).isEqualTo(200);
    assertThat(board.body()).contains("Departamento: Operaciones", "Jefatura de departamento")
        .doesNotContain("Todos los departamentos", "Asesoría Jurídica");
    for (String list : new String[] {"semaforo=breached", "prioridad=critical", "tecnico=tab.tecnico",
        "estado=assigned", "tipo=equipment_support", "antiguedad=2"}) {
      HttpResponse<String> tickets = head.get("/mesa/tablero/lista?" + list);
      assertThat(tickets.statusCode()).as(list).isEqualTo(200);
      assertThat(tickets.body()).as(list).contains(OPERATIONS_TICKET).doesNotContain(LEGAL_TICKET);
    }
  }

  @Test
  void theMonthsTicketsDownloadAsCsvAndXlsxFromTheBoardEachViewerHerDepartments() throws Exception {
    YearMonth month = YearMonth.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(6))
        .atZone(calendar.zone()));
    String csv = "/mesa/tablero/solicitudes.csv?mes=" + month;
    String xlsx = "/mesa/tablero/solicitudes.xlsx?mes=" + month;
    Browser director = new Browser("tab.director");
    assertThat(director.get("/mesa/tablero").body()).contains("Solicitudes del mes para descargar",
        "href=\"" + csv + "\"", "href=\"" + xlsx + "\"");

    HttpResponse<String> table = director.get(csv);
    assertThat(table.statusCode()).isEqualTo(200);
    assertThat(table.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/csv"));
    assertThat(table.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
        assertThat(disposition).startsWith("attachment").contains(month.toString()));
    // UTF-8 with BOM so Excel reads the accents; the monthly report's columns
    assertThat(table.body()).startsWith("\uFEFFNúmero;").contains(OPERATIONS_TICKET, LEGAL_TICKET);
    HttpResponse<byte[]> workbook = director.bytes(xlsx);
    assertThat(workbook.statusCode()).isEqualTo(200);
    assertThat(new String(workbook.body(), 0, 2, StandardCharsets.ISO_8859_1)).as("a zip (XLSX)").isEqualTo("PK");

    Browser head = new Browser(HEAD);
    assertThat(head.get("/mesa/tablero").body()).contains("href=\"" + csv + "\"", "(solo de su departamento)");
    assertThat(head.get(csv).body()).contains(OPERATIONS_TICKET).doesNotContain(LEGAL_TICKET);
    assertThat(head.bytes(xlsx).statusCode()).isEqualTo(200);

    assertThat(new Browser("tab.tecnico").get(csv).statusCode()).isEqualTo(403);
    assertThat(director.get("/mesa/tablero/solicitudes.csv?mes=diciembre").statusCode()).isEqualTo(400);
  }

  @Test
  void techniciansRequestersAndHeadsOfNoDepartmentAreRefused() throws Exception {
    for (String user : new String[] {"tab.tecnico", "tab.solicitante", "tab.jefe"}) {
      Browser browser = new Browser(user);
      HttpResponse<String> board = browser.get("/mesa/tablero");
      assertThat(board.statusCode()).as(user).isEqualTo(403);
      assertThat(board.body()).as(user).contains("El tablero es para la mesa de ayuda").doesNotContain("<svg");
      HttpResponse<String> list = browser.get("/mesa/tablero/lista?semaforo=breached");
      assertThat(list.statusCode()).as(user).isEqualTo(403);
      assertThat(list.body()).as(user).doesNotContain(OPERATIONS_TICKET);
    }
  }

  @Test
  void nobodySignedInSeesNothingAndAnUnknownListIsRefused() throws Exception {
    HttpClient anonymous = HttpClient.newHttpClient();
    HttpResponse<String> board = anonymous.send(HttpRequest.newBuilder(uri("/mesa/tablero")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(board.statusCode()).isEqualTo(401);
    assertThat(board.body()).contains("Inicie sesión en Tasklist");
    HttpResponse<String> list = anonymous.send(HttpRequest.newBuilder(uri("/mesa/tablero/lista?semaforo=breached"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(401);
    assertThat(list.body()).doesNotContain(OPERATIONS_TICKET);

    Browser director = new Browser("tab.director");
    assertThat(director.get("/mesa/tablero/lista?semaforo=red").statusCode()).isEqualTo(400);
    assertThat(director.get("/mesa/tablero/lista").statusCode()).isEqualTo(400);
    assertThat(director.get("/mesa/tablero/lista?antiguedad=9").statusCode()).isEqualTo(400);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A browser signed in to Tasklist. */
  class Browser {
    final TasklistBrowser signedIn;

    Browser(String user) throws Exception {
      signedIn = new TasklistBrowser(port, user, PASSWORD);
    }

    HttpResponse<String> get(String path) throws Exception {
      return signedIn.page(path);
    }

    HttpResponse<byte[]> bytes(String path) throws Exception {
      return signedIn.get(path);
    }
  }
}
