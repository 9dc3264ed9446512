package org.mesadeayuda.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestMail;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * SR-15 through {@code /api/cases/{caseNumber}/attachments}: a support request carries its documents, checked by
 * content, size and per-case total; the requester, the desk, the technician and whoever holds a task of the case see
 * them, nobody else, and a refused file leaves nothing behind.
 */
@MesaSpringTest
class AttachmentApiTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String REQUESTER = "adj.solicitante";
  static final String OTHER_REQUESTER = "adj.otra";
  static final String DESK = "adj.mesa";
  static final String TECHNICIAN = "adj.tecnico";
  static final String APPROVER = "adj.director";
  static final String PASSWORD = "Clave-de-prueba-1";
  static final int MB = 1024 * 1024;

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
    TestUsers.create(identityService, DESK, "mesa-ayuda", PASSWORD);
    TestUsers.create(identityService, TECHNICIAN, "tecnicos", PASSWORD);
    TestUsers.create(identityService, APPROVER, "director-ti", PASSWORD);
  }

  @Test
  void theRequesterAttachesAPdfTheTechnicianAJpegAndTheDeskAndTheTechnicianDownloadThem() {
    String ticket = openAndAssign();

    ResponseEntity<JsonNode> pdf = upload(REQUESTER, ticket, "informe.pdf", pdf(2000));
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(pdf.getBody().path("fileName").asText()).isEqualTo("informe.pdf");
    assertThat(pdf.getBody().path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(pdf.getBody().path("sha256").asText()).hasSize(64);
    assertThat(pdf.getHeaders().getLocation()).hasToString(pdf.getBody().path("download").asText());

    ResponseEntity<JsonNode> jpeg = upload(TECHNICIAN, ticket, "foto equipo.JPG", jpeg(3000));
    assertThat(jpeg.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(jpeg.getBody().path("contentType").asText()).isEqualTo("image/jpeg");
    // the technician was holding the attention task: the step is recorded with the file
    assertThat(jpeg.getBody().path("step").asText()).isEqualTo("Task_AttendRequest");
    assertThat(jpeg.getBody().path("uploadedBy").asText()).isEqualTo(TECHNICIAN);

    ResponseEntity<JsonNode> list = http.withBasicAuth(DESK, PASSWORD)
        .getForEntity("/api/cases/" + ticket + "/attachments", JsonNode.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody().findValuesAsText("fileName")).containsExactly("informe.pdf", "foto equipo.JPG");

    for (String reader : new String[] {REQUESTER, DESK, TECHNICIAN}) {
      ResponseEntity<byte[]> download = http.withBasicAuth(reader, PASSWORD)
          .getForEntity(pdf.getBody().path("download").asText(), byte[].class);
      assertThat(download.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(download.getBody()).isEqualTo(pdf(2000));
      assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
      assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("informe.pdf");
      assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
  }

  @Test
  void anExecutableRenamedPdfIsRefusedByItsContentAndNothingIsKept() {
    String ticket = openAndAssign();
    byte[] executable = new byte[4096];
    executable[0] = 'M';
    executable[1] = 'Z';

    ResponseEntity<JsonNode> response = upload(REQUESTER, ticket, "factura.pdf", executable);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(reason(response)).isEqualTo("el contenido de «factura.pdf» no es de un tipo permitido; se aceptan PDF, "
        + "JPEG, PNG");
    assertThat(rows(ticket)).isZero();
  }

  @Test
  void aJpegNamedPdfIsRefusedSayingWhatItIs() {
    String ticket = openAndAssign();
    ResponseEntity<JsonNode> response = upload(REQUESTER, ticket, "escaneo.pdf", jpeg(500));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(reason(response)).contains("tiene la extensión .pdf pero su contenido es JPEG");
    assertThat(rows(ticket)).isZero();
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedInSpanishAndLeavesNoRow() {
    String ticket = openAndAssign();

    ResponseEntity<JsonNode> justOver = upload(REQUESTER, ticket, "grande.pdf", pdf(10 * MB + 1));
    ResponseEntity<JsonNode> wellOver = upload(REQUESTER, ticket, "enorme.pdf", pdf(15 * MB));

    assertThat(justOver.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(reason(justOver)).isEqualTo("«grande.pdf» supera el tamaño máximo de 10 MB por archivo");
    assertThat(wellOver.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(reason(wellOver)).isEqualTo("«enorme.pdf» supera el tamaño máximo de 10 MB por archivo");
    assertThat(rows(ticket)).isZero();
    // exactly at the limit is accepted
    assertThat(upload(REQUESTER, ticket, "justo.pdf", pdf(10 * MB)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void theFilesOfACaseAddUpToTheConfiguredTotalAtMost() {
    String ticket = openAndAssign();
    assertThat(upload(REQUESTER, ticket, "parte-1.pdf", pdf(9 * MB)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(upload(DESK, ticket, "parte-2.pdf", pdf(9 * MB)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    ResponseEntity<JsonNode> third = upload(TECHNICIAN, ticket, "parte-3.pdf", pdf(9 * MB));

    assertThat(third.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(reason(third)).isEqualTo("«parte-3.pdf» no cabe: los documentos de un caso suman como máximo 25 MB y "
        + "este caso ya tiene 18 MB");
    assertThat(rows(ticket)).isEqualTo(2);
    // what still fits is accepted
    assertThat(upload(TECHNICIAN, ticket, "nota.png", png(1000)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void anotherRequesterGetsTheSame404AsForACaseThatDoesNotExist() {
    String ticket = openAndAssign();
    ResponseEntity<JsonNode> added = upload(REQUESTER, ticket, "informe.pdf", pdf(100));

    TestRestTemplate other = http.withBasicAuth(OTHER_REQUESTER, PASSWORD);
    ResponseEntity<String> list = other.getForEntity("/api/cases/" + ticket + "/attachments", String.class);
    ResponseEntity<String> download = other.getForEntity(added.getBody().path("download").asText(), String.class);
    ResponseEntity<JsonNode> upload = upload(OTHER_REQUESTER, ticket, "intruso.pdf", pdf(100));
    ResponseEntity<String> missing = other.getForEntity("/api/cases/SOP-1999-000001/attachments", String.class);

    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // nothing tells an existing case from a missing one
    assertThat(list.getBody()).isEqualTo(missing.getBody()).doesNotContain("informe");
    assertThat(rows(ticket)).isEqualTo(1);
    assertThat(http.getForEntity("/api/cases/" + ticket + "/attachments", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void whoeverHoldsATaskOfTheCaseReadsTheDocumentsButDoesNotAddAny() {
    String ticket = openAndAssign();
    ResponseEntity<JsonNode> added = upload(REQUESTER, ticket, "informe.pdf", pdf(100));
    assertThat(http.withBasicAuth(APPROVER, PASSWORD).getForEntity(added.getBody().path("download").asText(),
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // the review held by the Technology Director (not the technician's task: that would make her the technician,
    // issue 16, who adds documents; see the next test)
    String reviewed = openAndAssign(APPROVER);
    added = upload(REQUESTER, reviewed, "informe.pdf", pdf(100));

    assertThat(http.withBasicAuth(APPROVER, PASSWORD).getForEntity(added.getBody().path("download").asText(),
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> refused = upload(APPROVER, reviewed, "visto-bueno.pdf", pdf(100));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(reason(refused)).isEqualTo("solo el solicitante, la mesa de ayuda y el técnico asignado agregan "
        + "documentos al caso");
  }

  @Test
  void whoeverTheTechniciansTaskIsReassignedToHoldsTheTicketAndAddsDocuments() {
    String ticket = openAndAssign();
    TestUsers.create(identityService, "adj.tecnica2", "tecnicos", PASSWORD);

    // issue 16: the ticket goes with its technician's task; she is now the assigned technician (SR-15)
    taskService.setAssignee(attention(ticket).getId(), "adj.tecnica2");

    assertThat(upload("adj.tecnica2", ticket, "diagnostico.pdf", pdf(100)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(upload(TECHNICIAN, ticket, "tarde.pdf", pdf(100)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void afterTheCaseEndsItsDocumentsAreReadButNoneIsAdded() {
    String ticket = openAndAssign();
    ResponseEntity<JsonNode> added = upload(REQUESTER, ticket, "informe.pdf", pdf(100));
    runtimeService.deleteProcessInstance(instance(ticket).getId(), "prueba: caso terminado");

    ResponseEntity<JsonNode> late = upload(REQUESTER, ticket, "tarde.pdf", pdf(100));

    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(reason(late)).isEqualTo("el caso " + ticket + " ya terminó: sus documentos se pueden consultar pero no "
        + "se agregan más");
    assertThat(http.withBasicAuth(REQUESTER, PASSWORD).getForEntity(added.getBody().path("download").asText(),
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    // the technician held a task of the case: still reads it
    assertThat(http.withBasicAuth(TECHNICIAN, PASSWORD).getForEntity("/api/cases/" + ticket + "/attachments",
        JsonNode.class).getBody().findValuesAsText("fileName")).containsExactly("informe.pdf");
  }

  @Test
  void theFileNameIsCleanedOfFoldersControlCharactersAndExcessLength() throws Exception {
    String ticket = openAndAssign();

    // as a browser sends it: the name in UTF-8, a right-to-left override that shows "fdp.exe" as "exe.pdf"
    JsonNode spoofed = browserUpload(REQUESTER, ticket, "C:\\Users\\ana\\\u202Efdp.exe\t escaneo?.pdf", pdf(100));
    ResponseEntity<JsonNode> hidden = upload(REQUESTER, ticket, "../../.bashrc.pdf", pdf(100));
    JsonNode longName = browserUpload(REQUESTER, ticket, "a".repeat(300) + ".pdf", pdf(100));
    ResponseEntity<JsonNode> noExtension = upload(REQUESTER, ticket, "escaneo", png(100));

    assertThat(spoofed.path("fileName").asText()).isEqualTo("fdp.exe escaneo_.pdf");
    assertThat(hidden.getBody().path("fileName").asText()).isEqualTo("bashrc.pdf");
    assertThat(longName.path("fileName").asText()).isEqualTo("a".repeat(116) + ".pdf");
    assertThat(noExtension.getBody().path("fileName").asText()).isEqualTo("escaneo.png");
  }

  /** A multipart upload written byte by byte the way browsers do (file name as raw UTF-8 in the part header). */
  private JsonNode browserUpload(String user, String ticket, String fileName, byte[] content) throws Exception {
    String boundary = "----mesaBoundary7MA4YWxkTrZu0gW";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/api/cases/" + ticket
                + "/attachments"))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
  }

  /** A support request opened by the requester through the API and assigned by the desk to the technician. */
  private String openAndAssign() {
    return openAndAssign(null);
  }

  /** A ticket at the technician's attention; {@code reviewer} held the desk's review, when not null. */
  private String openAndAssign(String reviewer) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("requesterName", "Adriana Solís");
    payload.put("requesterEmail", "adriana.solis@institucion.gob");
    payload.put("department", "juridico");
    payload.put("channel", "web");
    payload.put("requestType", "equipment_support");
    payload.put("description", "El escáner no reconoce los documentos");
    payload.put("assetTag", "INV-0042");
    payload.put("impact", "medium");
    payload.put("urgency", "medium");
    ResponseEntity<JsonNode> opened = http.withBasicAuth(REQUESTER, PASSWORD)
        .postForEntity("/api/support-requests", payload, JsonNode.class);
    assertThat(opened.getStatusCode()).as("opening: %s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
    String ticket = opened.getBody().path("ticketNumber").asText();
    ProcessInstance instance = instance(ticket);
    Jobs.runAsyncSteps(managementService, instance);
    if (reviewer != null) {
      taskService.setAssignee(Jobs.onlyTask(taskService, instance).getId(), reviewer);
    }
    taskService.complete(Jobs.onlyTask(taskService, instance).getId(), Map.of("requestType", "equipment_support",
        "priority", "medium", "technician", TECHNICIAN, "supportLevel", "1", "resourcesAvailable", "yes"));
    Jobs.runAsyncSteps(managementService, instance);
    // SR-9: the technician's first contact comes before the attention itself
    Task firstResponse = Jobs.onlyTask(taskService, instance);
    assertThat(firstResponse.getTaskDefinitionKey()).isEqualTo("Task_StartAttention");
    taskService.complete(firstResponse.getId(), Map.of("firstContactChannel", "phone"));
    Jobs.runAsyncSteps(managementService, instance);
    assertThat(attention(ticket).getAssignee()).isEqualTo(TECHNICIAN);
    return ticket;
  }

  private ProcessInstance instance(String ticket) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticket).singleResult();
  }

  private Task attention(String ticket) {
    Task task = Jobs.onlyTask(taskService, instance(ticket));
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_AttendRequest");
    return task;
  }

  private ResponseEntity<JsonNode> upload(String user, String ticket, String fileName, byte[] content) {
    return http.withBasicAuth(user, PASSWORD).postForEntity("/api/cases/" + ticket + "/attachments",
        multipart(fileName, content), JsonNode.class);
  }

  static HttpEntity<MultiValueMap<String, Object>> multipart(String fileName, byte[] content) {
    HttpHeaders partHeaders = new HttpHeaders();
    // what the browser claims is ignored: the content decides
    partHeaders.setContentType(MediaType.APPLICATION_PDF);
    partHeaders.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName,
        StandardCharsets.UTF_8).build());
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new HttpEntity<>(new ByteArrayResource(content), partHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(body, headers);
  }

  private long rows(String ticket) {
    return jdbc.sql("SELECT COUNT(*) FROM attachment WHERE case_number = ?").param(ticket).query(Long.class).single();
  }

  private static String reason(ResponseEntity<JsonNode> response) {
    return response.getBody().path("errors").get(0).path("reason").asText();
  }

  static byte[] pdf(int size) {
    return withPrefix("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), size);
  }

  static byte[] jpeg(int size) {
    return withPrefix(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, size);
  }

  static byte[] png(int size) {
    return withPrefix(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, size);
  }

  private static byte[] withPrefix(byte[] prefix, int size) {
    byte[] content = new byte[size];
    Arrays.fill(content, (byte) 'x');
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    return content;
  }
}
