package org.mesadeayuda.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestMail;
import org.mesadeayuda.TestUsers;
import org.mesadeayuda.support.SupportRequestApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /actuator/prometheus and /actuator/health: who may read them, and what they show. */
@MesaSpringTest
class MetricsAndHealthTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String MONITOR = "prometheus.scraper";
  static final String STAFF = "metricas.funcionario";
  static final String PASSWORD = "Clave-de-prueba-1";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired OperationsMetrics metrics;

  @BeforeEach
  void users() {
    TestUsers.create(identityService, MONITOR, OperationsConfiguration.MONITORING_GROUP, PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
  }

  @Test
  void metricsNeedAnAdministratorOrTheMonitoringGroup() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // an unknown user: a wrong password would lock the scraper out for a few seconds (Camunda's login delay)
    assertThat(http.withBasicAuth("nobody", "guess").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(MONITOR, PASSWORD).getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD)
        .getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aNewTicketShowsInTheOpenTicketsAndTheEngineFigures() {
    double registeredBefore = value(scrape(), "mesa_tickets_open\\{stage=\"registered\"\\}");
    double instancesBefore = value(scrape(), "camunda_process_instances_open\\{process=\"support-request\"\\}");
    double executedBefore = value(scrape(), "camunda_jobs_executed_total");

    ResponseEntity<JsonNode> created = http.withBasicAuth(STAFF, PASSWORD)
        .postForEntity("/api/support-requests", SupportRequestApiTest.validPayload(), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(created.getBody().path("ticketNumber").asText()).singleResult();
    Jobs.runAsyncSteps(managementService, instance);
    metrics.refresh();

    String scrape = scrape();
    assertThat(value(scrape, "mesa_tickets_open\\{stage=\"registered\"\\}")).isEqualTo(registeredBefore + 1);
    assertThat(value(scrape, "camunda_process_instances_open\\{process=\"support-request\"\\}"))
        .isEqualTo(instancesBefore + 1);
    assertThat(value(scrape, "camunda_jobs_executed_total")).isGreaterThan(executedBefore);
    assertThat(scrape).contains("mesa_sla_breaches{kind=\"first_response\"}", "mesa_sla_breaches{kind=\"resolution\"}",
        "mesa_mail_failed ", "mesa_mail_pending ", "camunda_incidents_open{process=\"support-request\"}",
        "camunda_jobs_failed_total", "camunda_jobs_acquired_total", "camunda_jobs_no_retries ",
        // Spring Boot's own: JVM, HTTP, connection pool
        "jvm_memory_used_bytes", "hikaricp_connections_active");
  }

  @Test
  void healthShowsItsStatusToAnybodyAndItsComponentsToTheMonitoringGroup() {
    ResponseEntity<JsonNode> anonymous = http.getForEntity("/actuator/health", JsonNode.class);
    assertThat(anonymous.getBody().path("status").asText()).isNotEmpty();
    assertThat(anonymous.getBody().has("components")).isFalse();

    JsonNode details = http.withBasicAuth(MONITOR, PASSWORD).getForEntity("/actuator/health", JsonNode.class)
        .getBody();
    assertThat(details.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(details.path("components").path("mail").path("status").asText()).isEqualTo("UP");
    // the tests drive the jobs themselves: the executor is off on purpose, which is healthy
    assertThat(details.path("components").path("jobExecutor").path("details").path("enabled").asBoolean()).isFalse();
    assertThat(details.path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");

    ResponseEntity<JsonNode> node = http.getForEntity("/actuator/health/node", JsonNode.class);
    assertThat(node.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(node.getBody().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void aMailServerThatIsDownShowsInHealthButNotInTheNodeGroup() {
    mail.stop();
    try {
      JsonNode details = http.withBasicAuth(MONITOR, PASSWORD).getForEntity("/actuator/health", JsonNode.class)
          .getBody();
      assertThat(details.path("components").path("mail").path("status").asText()).isEqualTo("DOWN");
      assertThat(http.getForEntity("/actuator/health/node", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    } finally {
      mail.start();
    }
  }

  private String scrape() {
    ResponseEntity<String> response = http.withBasicAuth(MONITOR, PASSWORD)
        .getForEntity("/actuator/prometheus", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static double value(String scrape, String series) {
    Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
    assertThat(matcher.find()).as(series + " in\n" + scrape).isTrue();
    return Double.parseDouble(matcher.group(1));
  }
}
