package org.mesadeayuda.operations;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code jobExecutor}: the engine's job executor runs every asynchronous step,
 * timer and e-mail of the processes, so a node whose executor stopped leaves cases waiting. DOWN when it should run
 * (camunda.bpm.job-execution.enabled) and does not; the details give the backlog and the jobs without retries.
 * Replaces Camunda's indicator of the same bean name, which is DOWN on a node whose executor is off on purpose.
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealthIndicator implements HealthIndicator {

  private final ProcessEngineConfigurationImpl configuration;
  private final ManagementService managementService;
  private final boolean enabled;

  public JobExecutorHealthIndicator(ProcessEngine engine,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.managementService = engine.getManagementService();
    this.enabled = enabled;
  }

  @Override
  public Health health() {
    JobExecutor executor = configuration.getJobExecutor();
    boolean active = executor != null && executor.isActive();
    Health.Builder health = enabled && !active ? Health.down() : Health.up();
    return health
        .withDetail("enabled", enabled)
        .withDetail("active", active)
        .withDetail("dueJobs", managementService.createJobQuery().executable().count())
        .withDetail("jobsWithoutRetries", managementService.createJobQuery().noRetriesLeft().count())
        .build();
  }
}
