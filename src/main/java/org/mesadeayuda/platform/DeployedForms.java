package org.mesadeayuda.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of every deployment, parsed once ({@link FormRules}) and shared by the guards that read them: what
 * a start requires ({@link StartValidationPlugin}), what a task's completion may set ({@link CompletionGuard}) and
 * must contain ({@link TaskFormGuard}), how long each text may be ({@link VariableLengthGuard}). A deployment never
 * changes, so neither does its entry. Our diagrams bind their forms to their own deployment
 * ({@code camunda:formRefBinding="deployment"}); a task bound to the latest form finds that one's deployment.
 */
@Component
public class DeployedForms {

  private final Map<String, Map<String, FormRules>> byDeployment = new ConcurrentHashMap<>();

  /** The form {@code formId} of a deployment, or null when it has none of that id. Called inside an engine command. */
  public FormRules form(String deploymentId, String formId) {
    if (deploymentId == null || formId == null) {
      return null;
    }
    return byDeployment.computeIfAbsent(deploymentId, DeployedForms::read).get(formId);
  }

  /** The form of a user task (its {@code camunda:formRef}), or null when the task has none. */
  public FormRules taskForm(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null
        || !(task.getExecution() instanceof ExecutionEntity execution)) {
      return null;
    }
    FormDefinition definition = entity.getTaskDefinition().getFormDefinition();
    Expression formRef = definition == null ? null : definition.getCamundaFormDefinitionKey();
    if (formRef == null) {
      return null;
    }
    Object formId = formRef.getValue(execution);
    if (formId == null) {
      return null;
    }
    String deploymentId = execution.getProcessDefinition().getDeploymentId();
    if ("latest".equals(definition.getCamundaFormDefinitionBinding())) {
      CamundaFormDefinitionEntity latest = Context.getCommandContext().getCamundaFormDefinitionManager()
          .findLatestDefinitionByKey(formId.toString());
      deploymentId = latest == null ? null : latest.getDeploymentId();
    }
    return form(deploymentId, formId.toString());
  }

  private static Map<String, FormRules> read(String deploymentId) {
    Map<String, FormRules> forms = new HashMap<>();
    for (ResourceEntity resource : Context.getCommandContext().getResourceManager()
        .findResourcesByDeploymentId(deploymentId)) {
      if (resource.getName().endsWith(".form")) {
        FormRules form = FormRules.parse(resource.getBytes());
        forms.put(form.id(), form);
      }
    }
    return forms;
  }
}
