package org.mesadeayuda.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Our engine plugins each add a BPMN parse listener; this keeps every other plugin's listeners and their order. */
final class ParseListeners {

  private ParseListeners() {}

  /** Runs {@code listener} after Camunda's own parsing of every deployed diagram, after the ones added before it. */
  static void addAfterBpmnParse(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(listener);
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /**
   * Adds {@code listener} for {@code event} to every user task of every deployed diagram: before the diagram's own
   * listeners of that event ({@code beforeTheDiagramsOwn}, Camunda's built-in listeners) or after them.
   */
  static void onEveryUserTask(ProcessEngineConfigurationImpl configuration, String event, TaskListener listener,
      boolean beforeTheDiagramsOwn) {
    addAfterBpmnParse(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        if (beforeTheDiagramsOwn) {
          definition.addBuiltInTaskListener(event, listener);
        } else {
          definition.addTaskListener(event, listener);
        }
      }
    });
  }
}
