package org.mesadeayuda.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

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
}
