package org.mesadeayuda.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A task completes only with what its form requires, however it is completed: Tasklist, {@code /engine-rest}
 * ({@code /complete}, {@code /submit-form}), our own APIs or {@code TaskService}. Tasklist runs the form's validation
 * in the browser; a REST client does not, so the engine applies the same rules of the task's Camunda Form
 * ({@link FormRules}): every required field present (a required checkbox ticked), minimum length, number range, e-mail,
 * pattern, a select's or radio's value among its options. A field the form hides for the values at hand
 * ({@code conditional.hide}, evaluated with the engine's FEEL) is not required, nor a readonly or disabled one. The
 * values are what the completion sends over what the case already holds, as Tasklist shows a field with the case's
 * value and submits it. Text length is {@link VariableLengthGuard}'s.
 *
 * <p>A refusal throws {@link InvalidInputException} naming each field by its label: the completion rolls back (the
 * task stays open, nothing is recorded), {@code /engine-rest} and Tasklist answer 400 ({@link EngineRestErrors}), our
 * APIs 400 with each field ({@link ApiErrors}). It is the last {@code complete} listener of every user task, so a
 * procedure's own check of a field (worded for its case) speaks first; what a diagram's listener recorded before it is
 * rolled back with the completion.
 */
@Component
public class TaskFormGuard extends AbstractProcessEnginePlugin {

  /** How its refusals begin, then the task's name. */
  public static final String REFUSAL = "No se puede completar «";

  private final DeployedForms forms;
  private final FormOptions options;

  public TaskFormGuard(DeployedForms forms, FormOptions options) {
    this.forms = forms;
    this.options = options;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // after the diagram's own complete listeners: a procedure's own check of the same field, worded for its case,
    // speaks first; this one catches whatever no procedure checks itself
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, this::check, false);
  }

  void check(DelegateTask task) {
    FormRules form = forms.taskForm(task);
    if (form == null) {
      return;
    }
    Map<String, Object> values = new HashMap<>(task.getVariables());
    // a person is chosen among the users the engine offers now (issue 16): one who left the group since is refused
    options.of(form, task::getVariable).forEach((key, list) -> values.put(key, FormOptions.json(list)));
    List<FieldProblem> problems = form.check(values, FormRules.engineFeel(), false);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(form.describe(REFUSAL + task.getName() + "»: revise "
          + (problems.size() == 1 ? "el campo" : "los campos") + ".", problems), problems);
    }
  }
}
