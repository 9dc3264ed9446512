package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each node of a cluster signs what it does: history and metrics with its hostname, job locks with its name. */
class ClusterNodePluginTest {

  ProcessEngine engine;

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theNodeNameIsTheEngineHostnameAndTheJobLockOwner() {
    ProcessEngineConfigurationImpl configuration = engineWith(new ClusterNodePlugin("nodo-a"));
    engine = configuration.buildProcessEngine();
    assertThat(configuration.getHostname()).isEqualTo("nodo-a");
    assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo("nodo-a");

    deployAndStartAsyncProcess();
    // what the job executor does on each node: acquire (lock) the due jobs under its lock owner
    configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(configuration.getJobExecutor()));
    Job job = engine.getManagementService().createJobQuery().singleResult();
    assertThat(((JobEntity) job).getLockOwner()).isEqualTo("nodo-a");

    engine.getManagementService().executeJob(job.getId());
    List<HistoricJobLog> logs = engine.getHistoryService().createHistoricJobLogQuery().successLog().list();
    assertThat(logs).hasSize(1);
    assertThat(logs.get(0).getHostname()).isEqualTo("nodo-a");
  }

  @Test
  void withoutANameTheEngineKeepsItsDefaults() {
    ProcessEngineConfigurationImpl configuration = engineWith(new ClusterNodePlugin(" "));
    engine = configuration.buildProcessEngine();
    assertThat(new ClusterNodePlugin(null).nodeName()).isEmpty();
    // Camunda's default: the machine's address and the engine name; a random UUID as lock owner
    assertThat(configuration.getHostname()).endsWith("$" + configuration.getProcessEngineName());
    assertThat(configuration.getJobExecutor().getLockOwner()).matches("[0-9a-f-]{36}");
  }

  private static ProcessEngineConfigurationImpl engineWith(ClusterNodePlugin plugin) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:cluster-node-plugin-test");
    configuration.setProcessEngineName("cluster-node-plugin-test");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(plugin)));
    return configuration;
  }

  private void deployAndStartAsyncProcess() {
    engine.getRepositoryService().createDeployment()
        .addModelInstance("async.bpmn", Bpmn.createExecutableProcess("async")
            .camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("Task_Async").camundaAsyncBefore().camundaExpression("${true}")
            .endEvent().done())
        .deploy();
    engine.getRuntimeService().startProcessInstanceByKey("async");
  }
}
