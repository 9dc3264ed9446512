package org.mesadeayuda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code demo} profile opens these tickets at startup, and a refused start stops the application: each must pass
 * every start rule of the support request, also after a rule is added.
 */
@MesaSpringTest
class DemoTicketsTest {

  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @Test
  void everyDemoTicketPassesTheStartRules() {
    // the demo's head of department (platform/DemoUsers), who signs the demo's password reset
    TestUsers.create(identityService, "julia.jefa", "jefes-proceso", "clave-demo-tickets");
    for (Map<String, Object> request : DemoTickets.requests("operaciones")) {
      ProcessInstance ticket = runtimeService.startProcessInstanceByKey(SupportRequestVariables.PROCESS_KEY, request);
      assertThat(ticket.getBusinessKey()).as("%s", request.get("requestType")).startsWith("SOP-");
    }
  }
}
