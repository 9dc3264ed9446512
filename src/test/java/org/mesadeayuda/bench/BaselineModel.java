package org.mesadeayuda.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The benchmark's baseline: processes/support-request.bpmn with the application taken out and its shape kept. Same
 * elements, ids, user tasks, async boundaries, retry cycles, timers, gateways and conditions; every service task and
 * business rule task calls a no-op delegate ({@code ${benchNoOp}}), no DMN, no listeners (ticket number, validation),
 * so no register writes and no mail. Generated from the real diagram at every run, so it follows the diagram when it
 * changes; each run writes the model it deployed to {@code target/bench/support-request-baseline.bpmn} to be looked at.
 */
public final class BaselineModel {

  public static final String PROCESS_KEY = "support-request-baseline";
  public static final String NO_OP = "${benchNoOp}";
  static final Path WRITTEN = Path.of("target/bench/support-request-baseline.bpmn");

  private BaselineModel() {}

  public static BpmnModelInstance fromApplication() {
    try (InputStream in = BaselineModel.class.getResourceAsStream("/processes/support-request.bpmn")) {
      return strip(Bpmn.readModelFromStream(in));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static BpmnModelInstance strip(BpmnModelInstance model) {
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    process.setId(PROCESS_KEY);
    process.setName(process.getName() + " (línea base del benchmark)");
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      task.setCamundaDelegateExpression(NO_OP);
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "decisionRef");
      task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "decisionRefBinding");
      task.setCamundaDelegateExpression(NO_OP);
    }
    List<ModelElementInstance> applicationHooks = new ArrayList<>();
    applicationHooks.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
    applicationHooks.addAll(model.getModelElementsByType(CamundaTaskListener.class));
    // the decision tables' output mappings read decisionResult: no DMN, no mapping
    for (CamundaInputOutput mapping : model.getModelElementsByType(CamundaInputOutput.class)) {
      if (mapping.getParentElement().getParentElement() instanceof BusinessRuleTask) {
        applicationHooks.add(mapping);
      }
    }
    for (ModelElementInstance hook : applicationHooks) {
      hook.getParentElement().removeChildElement(hook);
    }
    for (ExtensionElements extensions : model.getModelElementsByType(ExtensionElements.class)) {
      if (extensions.getElements().isEmpty()) {
        extensions.getParentElement().removeChildElement(extensions);
      }
    }
    return model;
  }

  public static String xml() {
    return Bpmn.convertToString(fromApplication());
  }

  /** The baseline as deployed, written where the results are so it can be opened in Camunda Modeler. */
  static String written() throws IOException {
    String xml = xml();
    Files.createDirectories(WRITTEN.getParent());
    Files.writeString(WRITTEN, xml);
    return xml;
  }
}
