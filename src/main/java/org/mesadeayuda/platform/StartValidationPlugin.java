package org.mesadeayuda.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * One validation for every way a process starts: Tasklist's start form, {@code /engine-rest} ({@code /start},
 * {@code /submit-form}), our own {@code /api} endpoints and timers. Before any of the process's own listeners run,
 * the variables are checked against the rules of the start event's form ({@link FormRules}); a refusal throws
 * {@link InvalidInputException}, so nothing is created (no instance, no number, no register row, no job, no
 * incident) and the caller gets 400 naming each field.
 *
 * <p>The check is a built-in listener of the process itself: {@code skipCustomListeners} cannot skip it. A start that
 * does not begin at a start event (REST {@code startInstructions}) would skip the start event's listeners that
 * number and register the case, so only an administrator may do that. A process started by a call activity is fed
 * by its calling process, not by a person, and is not checked again.
 */
@Component
public class StartValidationPlugin extends AbstractProcessEnginePlugin {

  private final DeployedForms forms;
  private final RequesterProfile profile;
  private final FormOptions options;

  public StartValidationPlugin(DeployedForms forms, RequesterProfile profile, FormOptions options) {
    this.forms = forms;
    this.profile = profile;
    this.options = options;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterBpmnParse(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
        if (scope instanceof ProcessDefinitionEntity process) {
          check(process).startEvents.add(startEventActivity.getId());
          String formRef = startEventElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
          if (formRef != null && !formRef.isBlank()) {
            check(process).formRef = formRef;
          }
        }
      }
    });
  }

  private StartCheck check(ProcessDefinitionEntity process) {
    for (var listener : process.getBuiltInListeners(ExecutionListener.EVENTNAME_START)) {
      if (listener instanceof StartCheck existing) {
        return existing;
      }
    }
    StartCheck check = new StartCheck();
    process.addBuiltInListener(ExecutionListener.EVENTNAME_START, check, 0);
    return check;
  }

  private final class StartCheck implements ExecutionListener {
    private final Set<String> startEvents = new HashSet<>();
    private String formRef;

    @Override
    public void notify(DelegateExecution execution) {
      if (execution.getSuperExecution() != null) {
        return;
      }
      ExecutionEntity instance = (ExecutionEntity) execution;
      CommandContext commandContext = Context.getCommandContext();
      boolean administrator = commandContext.getAuthentication() == null
          || commandContext.getAuthorizationManager().isCamundaAdmin(commandContext.getAuthentication());
      boolean atStartEvent = startEvents.contains(instance.getActivityId());
      if (!administrator && (!atStartEvent || instance.isSkipCustomListeners() || instance.isSkipIoMappings())) {
        throw new InvalidInputException("Los casos se inician solo por su evento de inicio, con su formulario.");
      }
      // an administrator starting inside the process (a repair, a migration, a test) filled no start form
      if (formRef == null || !atStartEvent) {
        return;
      }
      FormRules form = forms.form(instance.getProcessDefinition().getDeploymentId(), formRef);
      if (form == null) {
        return;
      }
      // what the application knows about the requester replaces what was sent (issue 16), before the form's rules
      List<FieldProblem> problems = new ArrayList<>(profile.fill(execution, form));
      Map<String, Object> values = new HashMap<>(execution.getVariables());
      // the engine's own choices (people, departments) are the only valid ones, whatever the caller sent as options
      options.of(form, execution::getVariable).forEach((key, list) -> values.put(key, FormOptions.json(list)));
      problems.addAll(form.check(values, FormRules.engineFeel()));
      if (!problems.isEmpty()) {
        throw new InvalidInputException(form.describe("Revise los datos de la solicitud.", problems), problems);
      }
    }
  }
}
