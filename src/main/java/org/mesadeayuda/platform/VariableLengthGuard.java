package org.mesadeayuda.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
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
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.repository.Resource;
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

  private final ObjectMapper json = new ObjectMapper();
  /** Per deployment: form id → field key → its limit. Deployments never change, so neither does their entry. */
  private final Map<String, Map<String, Map<String, FieldLimit>>> formLimits = new ConcurrentHashMap<>();

  record FieldLimit(String label, int maxLength) {}

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
    String deploymentId = task.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
    check(task, limits(task.getProcessEngineServices().getRepositoryService(), deploymentId, formId));
  }

  private void checkStart(DelegateExecution execution, String formId) {
    // only the instance's own start: a form's limits say nothing about a start event of an embedded scope
    if (!execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
    String deploymentId = repository.getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
    check(execution, limits(repository, deploymentId, formId));
  }

  private static void check(VariableScope variables, Map<String, FieldLimit> limits) {
    for (Map.Entry<String, FieldLimit> field : limits.entrySet()) {
      Object value = variables.getVariable(field.getKey());
      if (value instanceof String text && text.length() > field.getValue().maxLength()) {
        throw new InvalidInputException("«" + field.getValue().label() + "» admite hasta "
            + field.getValue().maxLength() + " caracteres (tiene " + text.length() + ").");
      }
    }
  }

  private Map<String, FieldLimit> limits(RepositoryService repository, String deploymentId, String formId) {
    // the forms are read as the engine, not as the user: a requester starting the first case after a restart may
    // not read deployments, and her start must not fail on that
    return formLimits.computeIfAbsent(deploymentId, id -> org.camunda.bpm.engine.impl.context.Context
        .getCommandContext().runWithoutAuthorization(() -> readForms(repository, id))).getOrDefault(formId, Map.of());
  }

  private Map<String, Map<String, FieldLimit>> readForms(RepositoryService repository, String deploymentId) {
    Map<String, Map<String, FieldLimit>> forms = new HashMap<>();
    for (Resource resource : repository.getDeploymentResources(deploymentId)) {
      if (!resource.getName().endsWith(".form")) {
        continue;
      }
      try (InputStream content = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
        JsonNode form = json.readTree(content);
        Map<String, FieldLimit> fields = new HashMap<>();
        collect(form.path("components"), fields);
        forms.put(form.path("id").asText(), fields);
      } catch (IOException e) {
        throw new UncheckedIOException("form " + resource.getName() + " of deployment " + deploymentId, e);
      }
    }
    return forms;
  }

  /** Every editable field with a maximum length, also inside groups. */
  private static void collect(JsonNode components, Map<String, FieldLimit> fields) {
    for (JsonNode component : components) {
      JsonNode maxLength = component.path("validate").path("maxLength");
      boolean editable = !component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false);
      if (component.hasNonNull("key") && maxLength.isNumber() && editable) {
        String key = component.get("key").asText();
        fields.put(key, new FieldLimit(component.path("label").asText(key), maxLength.asInt()));
      }
      collect(component.path("components"), fields);
    }
  }
}
