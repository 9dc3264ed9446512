package org.mesadeayuda.platform;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives every task form the words for what the case holds as codes, so no form shows {@code conforming}, a user id or
 * {@code 2026-12-03T22:42:06}: when a user task is created, each coded variable of the case ({@link Labels}) gets a
 * task-local {@code <name>Label} ("Alta"), each date a {@code <name>Label} in Spanish in the office's time zone, each
 * person variable a {@code <name>Name} (her full name) and the department a {@code departmentLabel} (its name in the
 * institution's profile). Forms read those in their texts; the codes stay what the engine decides on.
 *
 * <p>A variable of that name that the case already holds (a label a procedure computed itself) wins. The labels are
 * task-local: they are what the task showed, and they do not pile up in the case.
 */
@Component
public class DisplayLabelsPlugin extends AbstractProcessEnginePlugin {

  private final Labels labels;

  public DisplayLabelsPlugin(Labels labels) {
    this.labels = labels;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, this::setDisplayLabels, false);
  }

  void setDisplayLabels(DelegateTask task) {
    Map<String, Object> variables = task.getVariables();
    for (Map.Entry<String, Object> variable : variables.entrySet()) {
      String name = variable.getKey();
      Object value = variable.getValue();
      if (value == null) {
        continue;
      }
      if (Labels.codedVariables().contains(name)) {
        put(task, variables, name + "Label", Labels.code(name, value));
      } else if (Labels.isMoment(value) || value instanceof java.time.LocalDate
          || value instanceof String text && Labels.isIsoDate(text)) {
        put(task, variables, name + "Label", labels.when(value));
      }
      if (Labels.PERSON_VARIABLES.contains(name) && value instanceof String userId) {
        put(task, variables, name + "Name", labels.person(userId));
      }
    }
    if (variables.get("department") instanceof String department) {
      put(task, variables, "departmentLabel", labels.department(department));
    }
  }

  private static void put(DelegateTask task, Map<String, Object> variables, String name, String label) {
    if (!variables.containsKey(name) || task.hasVariableLocal(name)) {
      task.setVariableLocal(name, label);
    }
  }
}
