package org.mesadeayuda.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives this application node a name of its own when several nodes share one database (README "Scaling"): the
 * engine's hostname, written to the metrics ({@code ACT_RU_METER_LOG.REPORTER_}) and to every historic job log
 * ({@code ACT_HI_JOB_LOG.HOSTNAME_}), and the job executor's lock owner ({@code ACT_RU_JOB.LOCK_OWNER_}). Cockpit and
 * an operator then see which node ran or holds which job; the split of the work per node can be counted in SQL.
 * Without {@code mesa.cluster.node-name} (environment {@code MESA_NODE_NAME}) the engine keeps its defaults: the
 * machine's address and a random lock owner.
 */
@Component
public class ClusterNodePlugin extends AbstractProcessEnginePlugin {

  private final String nodeName;

  public ClusterNodePlugin(@Value("${mesa.cluster.node-name:}") String nodeName) {
    this.nodeName = nodeName == null || nodeName.isBlank() ? null : nodeName.trim();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (nodeName != null) {
      // set before the engine derives its hostname, so metrics and history use it from the first event
      configuration.setHostname(nodeName);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // after every preInit: the job executor is the one the Spring Boot starter configured
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (nodeName != null && jobExecutor != null) {
      jobExecutor.setLockOwner(nodeName);
    }
  }

  /** This node's name, or empty when none is configured. */
  public String nodeName() {
    return nodeName == null ? "" : nodeName;
  }
}
