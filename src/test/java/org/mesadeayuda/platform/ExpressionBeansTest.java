package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 13: a deployed diagram ran with full server rights. Expressions now see only the beans the processes use, and
 * only an administrator may deploy.
 */
@MesaSpringTest
class ExpressionBeansTest {

  static final String HEAD_OF_IT = "expr.director.ti";
  static final String PASSWORD = "Clave-de-prueba-9";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void users() {
    TestUsers.create(identityService, HEAD_OF_IT, "director-ti", PASSWORD);
  }

  @AfterEach
  void undeploy() {
    repositoryService.createDeploymentQuery().deploymentName("expression-test").list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void anExpressionNamingAnyOtherSpringBeanCannotResolveIt() {
    ResponseEntity<JsonNode> deployed = deploy(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD,
        "expression-test-reads-database", "${jdbcTemplate.queryForList('SELECT * FROM ACT_ID_USER')}");
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("expression-test-reads-database"))
        .hasMessageContaining("Unknown property used in expression")
        .hasMessageContaining("Cannot resolve identifier 'jdbcTemplate'");
    deploy(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD, "expression-test-data-source",
        "${dataSource.connection}");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("expression-test-data-source"))
        .hasMessageContaining("Cannot resolve identifier 'dataSource'");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("expression-test-data-source")
        .count()).isZero();
  }

  @Test
  void theHelpersTheProcessesUseStayVisible() {
    deploy(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD, "expression-test-calendar",
        "${businessCalendar.zone().id}");

    ProcessInstance instance = runtimeService.startProcessInstanceByKey("expression-test-calendar");

    assertThat(instance.isEnded()).isTrue();
  }

  @Test
  void onlyAnAdministratorMayDeploy() {
    ResponseEntity<JsonNode> refused = deploy(HEAD_OF_IT, PASSWORD, "expression-test-not-admin", "${true}");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("expression-test-not-admin")
        .count()).isZero();
  }

  private ResponseEntity<JsonNode> deploy(String user, String password, String processKey, String expression) {
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1)
        .startEvent("Event_Start")
        .serviceTask("Task_Evaluate").camundaExpression(expression)
        .endEvent("Event_End")
        .done());
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "expression-test");
    parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return processKey + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, password)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
  }
}
