package org.mesadeayuda.platform;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs only the procedures of the institution's manual ({@code mesa.procedures.active}): at every start, the others'
 * definitions are suspended, so neither Tasklist nor the REST API can start them and their timer start events (weekly
 * data-centre backup, monthly report, logbook rounds) do not fire; cases already open finish as they are. A procedure
 * put back in the list is active again at the next start. Every node of a cluster does the same with the same
 * configuration, so the outcome does not depend on which node starts first.
 */
@Component
@Order(-10)
public class ProcedureActivation implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ProcedureActivation.class);

  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final ProcedureProperties properties;

  public ProcedureActivation(RepositoryService repositoryService, ManagementService managementService,
      ProcedureProperties properties) {
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<ProcessDefinition> latest = repositoryService.createProcessDefinitionQuery().latestVersion().list();
    Set<String> deployed = new TreeSet<>();
    latest.forEach(definition -> deployed.add(definition.getKey()));
    List<String> unknown = properties.active().stream().filter(key -> !deployed.contains(key)).toList();
    if (!unknown.isEmpty()) {
      // a misspelt key would silently switch a procedure off: refuse to start instead
      throw new IllegalStateException("mesa.procedures.active nombra procedimientos que no existen: " + unknown
          + ". Los procedimientos son: " + deployed);
    }
    if (properties.active().isEmpty()) {
      latest.stream().filter(ProcessDefinition::isSuspended).forEach(this::activate);
      return;
    }
    for (ProcessDefinition definition : latest) {
      boolean active = properties.active().contains(definition.getKey());
      if (active && definition.isSuspended()) {
        activate(definition);
      } else if (!active && !definition.isSuspended()) {
        suspend(definition);
      }
    }
    LOG.info("Procedimientos activos de la institución: {}", properties.active());
  }

  private void suspend(ProcessDefinition definition) {
    repositoryService.updateProcessDefinitionSuspensionState()
        .byProcessDefinitionKey(definition.getKey())
        .includeProcessInstances(false)
        .suspend();
    // the definition's suspension leaves its timer start jobs due: they would still start cases
    for (Job timer : startTimers(definition.getKey())) {
      managementService.suspendJobById(timer.getId());
    }
    LOG.info("Procedimiento {} suspendido: no está en mesa.procedures.active", definition.getKey());
  }

  private void activate(ProcessDefinition definition) {
    repositoryService.updateProcessDefinitionSuspensionState()
        .byProcessDefinitionId(definition.getId())
        .includeProcessInstances(false)
        .activate();
    for (Job timer : startTimers(definition.getKey())) {
      if (timer.isSuspended() && definition.getId().equals(timer.getProcessDefinitionId())) {
        managementService.activateJobById(timer.getId());
      }
    }
  }

  /** Timer start event jobs: a timer job of the definition with no case yet. */
  private List<Job> startTimers(String key) {
    return managementService.createJobQuery().processDefinitionKey(key).timers().list().stream()
        .filter(job -> job.getProcessInstanceId() == null)
        .toList();
  }
}
