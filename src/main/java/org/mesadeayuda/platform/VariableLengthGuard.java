package org.mesadeayuda.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * The one guard on the length of every text a process keeps, whatever the way in (Tasklist, {@code /engine-rest},
 * our API, a delegate):
 *
 * <ul>
 *   <li>Camunda keeps a String variable in a column of {@value #ENGINE_TEXT_LIMIT} characters; a longer one fails
 *       only at the end of the transaction, as a 500 that names nothing. The engine's own String serializer is
 *       replaced by one that refuses it when it is set, naming the variable, before anything is written.
 *   <li>Each field of a start or task form has a {@code validate.maxLength} that fits the register column it ends
 *       in; Tasklist enforces it, but a client of {@code /engine-rest} does not run the form. A listener, first of
 *       all {@code complete} listeners of every user task and first on every start event with a form, applies the
 *       same limits server-side to what was submitted, naming the field by its label.
 * </ul>
 *
 * Both refuse with {@link InvalidInputException}: 400 with the Spanish reason ({@link EngineRestErrors}), the task
 * stays open, nothing starts.
 */
@Component
public class VariableLengthGuard extends AbstractProcessEnginePlugin {

  /** Camunda's TEXT_ column of ACT_RU_VARIABLE (and its history) on H2 and PostgreSQL. */
  public static final int ENGINE_TEXT_LIMIT = 4000;

  private final DeployedForms forms;

  public VariableLengthGuard(DeployedForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    // before the engine's own: the first serializer that handles a String is the one used to write it
    serializers.add(0, new LimitedStringSerializer());
    configuration.setCustomPreVariableSerializers(serializers);

    ParseListeners.addAfterBpmnParse(configuration, new FormLimitsParseListener());
  }

  /** Writes Strings as Camunda does, but refuses one its column cannot hold. */
  static class LimitedStringSerializer extends StringValueSerializer {
    @Override
    public void writeValue(StringValue value, ValueFields fields) {
      String text = value.getValue();
      if (text != null && text.length() > ENGINE_TEXT_LIMIT) {
        // no name: a decision's input or output kept in its history
        String field = fields.getName() == null ? "Un texto" : "El campo «" + fields.getName() + "»";
        throw new InvalidInputException(field + " admite hasta " + ENGINE_TEXT_LIMIT + " caracteres (tiene "
            + text.length() + ").");
      }
      super.writeValue(value, fields);
    }
  }

  private class FormLimitsParseListener extends AbstractBpmnParseListener {
    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      String formId = formRef(element);
      if (formId == null) {
        return;
      }
      TaskListener check = task -> checkTask(task, formId);
      // first of all complete listeners, so no listener of the diagram writes a register row with a value refused here
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      String formId = formRef(element);
      if (formId == null) {
        return;
      }
      ExecutionListener check = execution -> checkStart(execution, formId);
      // the process's own start, before the start event and before any async continuation: nothing has run yet
      scope.getProcessDefinition().addBuiltInListener(ExecutionListener.EVENTNAME_START, check, 0);
    }

    private String formRef(Element element) {
      return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    }
  }

  private void checkTask(DelegateTask task, String formId) {
    String deploymentId = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getDeploymentId();
    check(task, limits(deploymentId, formId));
  }

  private void checkStart(DelegateExecution execution, String formId) {
    // only the instance's own start: a form's limits say nothing about a start event of an embedded scope
    if (!execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    check(execution, limits(((ExecutionEntity) execution).getProcessDefinition().getDeploymentId(), formId));
  }

  private static void check(VariableScope variables, Map<String, FormRules.Field> limits) {
    for (Map.Entry<String, FormRules.Field> field : limits.entrySet()) {
      Object value = variables.getVariable(field.getKey());
      if (value instanceof String text && text.length() > field.getValue().maxLength()) {
        throw new InvalidInputException("«" + field.getValue().label() + "» admite hasta "
            + field.getValue().maxLength() + " caracteres (tiene " + text.length() + ").");
      }
    }
  }

  private Map<String, FormRules.Field> limits(String deploymentId, String formId) {
    FormRules form = forms.form(deploymentId, formId);
    return form == null ? Map.of() : form.lengthLimits();
  }
}
