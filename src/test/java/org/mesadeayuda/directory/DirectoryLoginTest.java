package org.mesadeayuda.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with profile {@code ldap} against an in-memory directory of the demo users: a configuration of
 * its own, so it runs in a surefire execution of its own ({@code directory-login}, pom.xml), never in the JVM of the
 * shared test context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ldap"})
class DirectoryLoginTest {

  static final TestDirectory DIRECTORY = startDirectory();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @LocalServerPort int port;

  static TestDirectory startDirectory() {
    try {
      return new TestDirectory(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) {
    registry.add("mesa.ldap.server-url", DIRECTORY::url);
    registry.add("mesa.ldap.use-ssl", () -> "false");
    registry.add("mesa.ldap.manager-dn", () -> TestDirectory.BIND_DN);
    registry.add("mesa.ldap.manager-password", () -> TestDirectory.BIND_PASSWORD);
    registry.add("mesa.ldap.base-dn", () -> TestDirectory.BASE_DN);
    registry.add("mesa.ldap.user-search-base", () -> "ou=personas");
    registry.add("mesa.ldap.group-search-base", () -> "ou=grupos");
    registry.add("mesa.ldap.admin-group", () -> TestDirectory.ADMIN_GROUP);
    TestDirectory.GROUPS.forEach((role, group) -> registry.add("mesa.ldap.groups." + role, () -> group));
  }

  @AfterAll
  static void stopDirectory() {
    DIRECTORY.close();
  }

  @Test
  void aDirectoryUserLogsInToTheRestApiWithTheDirectoryPassword() {
    // the directory's administrators read every group: a technician's groups are our roles
    ResponseEntity<JsonNode> groups = http.withBasicAuth("admin.ti", TestDirectory.password("admin.ti"))
        .getForEntity("/engine-rest/group?member=tomas.tecnico", JsonNode.class);
    assertThat(groups.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(groups.getBody().findValuesAsText("id")).containsExactlyInAnyOrder("tecnicos", "solicitantes");
    assertThat(http.withBasicAuth("tomas.tecnico", TestDirectory.password("tomas.tecnico"))
        .getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("tomas.tecnico", "not-the-password")
        .getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aDirectoryUserLogsInToTasklist() throws Exception {
    assertThat(webappLogin("marta.mesa", "tasklist").statusCode()).isEqualTo(200);
    // the directory's administrators open Camunda Admin; a technician does not
    assertThat(webappLogin("admin.ti", "admin").statusCode()).isEqualTo(200);
    assertThat(webappLogin("tomas.tecnico", "admin").statusCode()).isNotEqualTo(200);
  }

  @Test
  void aRequestOfADirectoryUserReachesTheDeskThroughTheMappedGroup() {
    Map<String, Object> payload = new HashMap<>();
    payload.put("requesterName", "Ana Solicitante");
    payload.put("requesterEmail", "ana.solicitante@mesa.local");
    payload.put("requesterPhone", "5555-0101");
    payload.put("department", "operaciones");
    payload.put("channel", "web");
    payload.put("requestType", "equipment_failure");
    payload.put("description", "El monitor no enciende desde esta mañana");
    payload.put("assetTag", "INV-0107");
    payload.put("impact", "medium");
    payload.put("urgency", "medium");
    ResponseEntity<JsonNode> created = http.withBasicAuth("ana.solicitante", TestDirectory.password("ana.solicitante"))
        .postForEntity("/api/support-requests", payload, JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String ticket = created.getBody().path("ticketNumber").asText();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticket)
        .singleResult();
    Jobs.runAsyncSteps(managementService, instance);

    ResponseEntity<JsonNode> deskTasks = http.withBasicAuth("marta.mesa", TestDirectory.password("marta.mesa"))
        .getForEntity("/engine-rest/task?processInstanceId=" + instance.getId(), JsonNode.class);
    assertThat(deskTasks.getBody()).hasSize(1);
    ResponseEntity<JsonNode> requesterTasks = http
        .withBasicAuth("ana.solicitante", TestDirectory.password("ana.solicitante"))
        .getForEntity("/engine-rest/task?processInstanceId=" + instance.getId(), JsonNode.class);
    assertThat(requesterTasks.getBody()).isEmpty();
  }

  @Test
  void aUserRemovedFromTheDirectoryLosesAccess() throws Exception {
    String user = "fabiola.daf";
    assertThat(http.withBasicAuth(user, TestDirectory.password(user)).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    DIRECTORY.remove(user);
    assertThat(http.withBasicAuth(user, TestDirectory.password(user)).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(webappLogin(user, "tasklist").statusCode()).isNotEqualTo(200);
  }

  private HttpResponse<String> webappLogin(String user, String app) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpRequest.Builder login = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app));
    cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
        .map(HttpCookie::getValue).reduce((first, last) -> last)
        .ifPresent(token -> login.header("X-XSRF-TOKEN", token));
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(TestDirectory.password(user), StandardCharsets.UTF_8);
    return client.send(login.header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
