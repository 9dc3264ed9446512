package org.mesadeayuda.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TasklistBrowser;
import org.mesadeayuda.TestMail;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The page the support-request task forms link to: same login as Tasklist, the case's documents listed, an upload form
 * for those who may add one, protected against posts from other sites, and refusals in Spanish.
 */
@MesaSpringTest
class AttachmentPageTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String REQUESTER = "pag.solicitante";
  static final String OTHER_REQUESTER = "pag.otro";
  static final String PASSWORD = "Clave-de-prueba-1";
  static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void users() {
    TestUsers.create(identityService, REQUESTER, "solicitantes", PASSWORD);
    TestUsers.create(identityService, OTHER_REQUESTER, "solicitantes", PASSWORD);
  }

  @Test
  void theRequesterSignedInToTasklistSeesTheDocumentsAndAddsOne() throws Exception {
    String ticket = open();
    Browser browser = new Browser(REQUESTER);

    HttpResponse<String> page = browser.get("/mesa/adjuntos/" + ticket);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Documentos del caso " + ticket, "El caso no tiene documentos adjuntos",
        "Tipos aceptados: PDF, JPEG, PNG. Hasta 10 MB por archivo y 25 MB por caso.");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    String token = token(page.body());

    HttpResponse<String> posted = browser.upload("/mesa/adjuntos/" + ticket, token, "acta firmada.pdf",
        AttachmentApiTest.pdf(500));
    assertThat(posted.statusCode()).isEqualTo(302);
    HttpResponse<String> after = browser.get("/mesa/adjuntos/" + ticket);
    assertThat(after.body()).contains("Se adjuntó «acta firmada.pdf».", "acta firmada.pdf", REQUESTER);

    long id = jdbc.sql("SELECT id FROM attachment WHERE case_number = ?").param(ticket).query(Long.class).single();
    HttpResponse<byte[]> download = browser.client.send(HttpRequest.newBuilder(uri("/mesa/adjuntos/" + ticket + "/"
        + id)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(AttachmentApiTest.pdf(500));
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void aPostWithoutThePagesTokenIsRefusedAndKeepsNothing() throws Exception {
    String ticket = open();
    Browser browser = new Browser(REQUESTER);
    browser.get("/mesa/adjuntos/" + ticket);

    HttpResponse<String> forged = browser.upload("/mesa/adjuntos/" + ticket, "0".repeat(64), "malicioso.pdf",
        AttachmentApiTest.pdf(100));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("el formulario caducó o no salió de esta página");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE case_number = ?").param(ticket).query(Long.class)
        .single()).isZero();
  }

  @Test
  void aRefusedFileIsExplainedInSpanishOnThePage() throws Exception {
    String ticket = open();
    Browser browser = new Browser(REQUESTER);
    String token = token(browser.get("/mesa/adjuntos/" + ticket).body());
    byte[] executable = new byte[300];
    executable[0] = 'M';
    executable[1] = 'Z';

    HttpResponse<String> refused = browser.upload("/mesa/adjuntos/" + ticket, token, "factura.pdf", executable);

    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.body()).contains("el contenido de «factura.pdf» no es de un tipo permitido; se aceptan PDF, "
        + "JPEG, PNG");
  }

  @Test
  void withoutALoginOrForSomeoneElsesCaseThePageTellsNothing() throws Exception {
    String ticket = open();
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(uri("/mesa/adjuntos/" + ticket)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("inicie sesión en Tasklist");

    Browser other = new Browser(OTHER_REQUESTER);
    HttpResponse<String> someoneElses = other.get("/mesa/adjuntos/" + ticket);
    HttpResponse<String> missing = other.get("/mesa/adjuntos/SOP-1999-000001");
    assertThat(someoneElses.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(someoneElses.body()).isEqualTo(missing.body().replace("SOP-1999-000001", ticket));
  }

  private String open() {
    Map<String, Object> payload = new HashMap<>();
    payload.put("requesterName", "Paula Gómez");
    payload.put("requesterEmail", "paula.gomez@institucion.gob");
    payload.put("department", "operaciones");
    payload.put("channel", "web");
    payload.put("requestType", "equipment_support");
    payload.put("description", "Adjunto el acta firmada del equipo");
    payload.put("impact", "low");
    payload.put("urgency", "low");
    ResponseEntity<JsonNode> opened = http.withBasicAuth(REQUESTER, PASSWORD)
        .postForEntity("/api/support-requests", payload, JsonNode.class);
    assertThat(opened.getStatusCode()).as("opening: %s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
    String ticket = opened.getBody().path("ticketNumber").asText();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticket)
        .singleResult();
    Jobs.runAsyncSteps(managementService, instance);
    return ticket;
  }

  private static String token(String page) {
    Matcher matcher = TOKEN.matcher(page);
    assertThat(matcher.find()).as("the upload form carries a token").isTrue();
    return matcher.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A browser signed in to Tasklist, with an upload of the attachments page's form. */
  class Browser {
    final TasklistBrowser signedIn;
    final HttpClient client;

    Browser(String user) throws Exception {
      signedIn = new TasklistBrowser(port, user, PASSWORD);
      client = signedIn.client();
    }

    HttpResponse<String> get(String path) throws Exception {
      return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String path, String token, String fileName, byte[] content) throws Exception {
      String boundary = "----mesaPageBoundary";
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return client.send(HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
