package org.mesadeayuda.platform;

import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The institution's retention of case history ({@link HistoryRetentionProperties}, issue 19). Each finished case gets
 * a removal time (its end plus its process's history time to live, {@code historyRemovalTimeStrategy: end}) on all of
 * its history rows, its decisions' included; the engine's history cleanup job deletes what is due every night in the
 * batch window of {@code application.yaml}. A diagram deployed later gets the configured value as it is parsed; the
 * versions already deployed get it at every start, so a changed retention applies to them too (cases that have already
 * ended keep the removal time they got: Cockpit's batch "set removal time" changes those).
 */
@Component
public class HistoryRetention extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

  private final HistoryRetentionProperties properties;

  public HistoryRetention(HistoryRetentionProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterBpmnParse(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        Integer days = properties.days(processDefinition.getKey());
        if (days != null) {
          processDefinition.setHistoryTimeToLive(days);
        }
      }
    });
  }

  @EventListener(ApplicationReadyEvent.class)
  public void applyToDeployedVersions(ApplicationReadyEvent ready) {
    apply(ready.getApplicationContext());
  }

  /** Gives every deployed version of every configured process and decision its time to live; returns how many. */
  public int apply(ApplicationContext context) {
    RepositoryService repository = context.getBean(RepositoryService.class);
    int changed = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      Integer days = properties.days(definition.getKey());
      if (days != null && !Objects.equals(days, definition.getHistoryTimeToLive())) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      Integer days = properties.days(definition.getKey());
      if (days != null && !Objects.equals(days, definition.getHistoryTimeToLive())) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    if (changed > 0) {
      LOG.info("History time to live set on {} deployed process and decision versions (mesa.history)", changed);
    }
    return changed;
  }
}
