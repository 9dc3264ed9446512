package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/**
 * Issue 13, faults: the operators (the desk and the Technology Director) see a failed job's incident in Cockpit and
 * retry it themselves; other roles may not.
 */
@MesaSpringTest
class OperatorsRetryJobsTest {

  static final String PASSWORD = "Clave-de-reintento-13";
  static final String DESK = "retry.mesa";
  static final String DIRECTOR = "retry.director";
  static final String STAFF = "retry.funcionaria";
  static final String QUALITY = "retry.calidad";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, DESK, Role.MESA_AYUDA.groupId(), PASSWORD);
    TestUsers.create(identityService, DIRECTOR, Role.DIRECTOR_TI.groupId(), PASSWORD);
    TestUsers.create(identityService, STAFF, Role.SOLICITANTES.groupId(), PASSWORD);
    TestUsers.create(identityService, QUALITY, Role.CALIDAD.groupId(), PASSWORD);
  }

  @Test
  void theDeskAndTheDirectorRetryAFailedJobOthersMayNot() {
    for (String operator : List.of(DESK, DIRECTOR)) {
      Job job = failedJob();
      JsonNode incidents = http.withBasicAuth(operator, PASSWORD)
          .getForObject("/engine-rest/incident?jobDefinitionId=" + job.getJobDefinitionId() + "&processInstanceId="
              + job.getProcessInstanceId(), JsonNode.class);
      assertThat(incidents).as("the incident %s sees", operator).hasSize(1);

      for (String other : List.of(STAFF, QUALITY)) {
        assertThat(retry(other, job).getStatusCode().value()).as(other).isEqualTo(403);
      }
      assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();

      assertThat(retry(operator, job).getStatusCode().value()).as(operator).isEqualTo(204);
      assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);
      assertThat(managementService.createJobQuery().withException().jobId(job.getId()).count()).isZero();
      runtimeService.deleteProcessInstance(job.getProcessInstanceId(), "prueba de reintentos", true, true);
    }
  }

  @Test
  void theOperatorsMayAlsoRetryInBulkFromCockpit() {
    Job job = failedJob();
    HttpEntity<Map<String, Object>> body = new HttpEntity<>(Map.of("jobIds", List.of(job.getId()), "retries", 1));
    assertThat(http.withBasicAuth(STAFF, PASSWORD).postForEntity("/engine-rest/job/retries", body, String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(http.withBasicAuth(DIRECTOR, PASSWORD).postForEntity("/engine-rest/job/retries", body, String.class)
        .getStatusCode().value()).isEqualTo(200);
    runtimeService.deleteProcessInstance(job.getProcessInstanceId(), "prueba de reintentos", true, true);
  }

  /** A case waiting at an asynchronous mail step whose job ran out of retries: an incident, as after an SMTP outage. */
  private Job failedJob() {
    ProcessInstance instance = runtimeService.createProcessInstanceByKey("remote-access")
        .businessKey("RETRY-" + System.nanoTime())
        .setVariable("refusalReason", "prueba")
        .startBeforeActivity("Task_NotifyRefusal")
        .execute(true, true);
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.setJobRetries(job.getId(), 0);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    return managementService.createJobQuery().jobId(job.getId()).singleResult();
  }

  private org.springframework.http.ResponseEntity<String> retry(String user, Job job) {
    return http.withBasicAuth(user, PASSWORD).exchange("/engine-rest/job/" + job.getId() + "/retries", HttpMethod.PUT,
        new HttpEntity<>(Map.of("retries", 1)), String.class);
  }
}
