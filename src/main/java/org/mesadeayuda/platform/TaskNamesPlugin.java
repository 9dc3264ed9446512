package org.mesadeayuda.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every task in Tasklist carries its case number ("Asignar técnico — SOP-2026-000042"), in every process, without
 * each diagram having to repeat it in its labels.
 */
@Component
public class TaskNamesPlugin extends AbstractProcessEnginePlugin {

  static final String SEPARATOR = " — ";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, TaskNamesPlugin::appendCaseNumber);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void appendCaseNumber(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    String name = task.getName();
    if (caseNumber != null && name != null && !name.endsWith(SEPARATOR + caseNumber)) {
      task.setName(name + SEPARATOR + caseNumber);
    }
  }
}
