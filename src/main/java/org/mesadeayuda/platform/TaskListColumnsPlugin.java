package org.mesadeayuda.platform;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The task list shows a case's priority as a word (Tasklist filters' "Prioridad" column, {@link TasklistFilters}):
 * the case keeps the code its decision table and forms use ({@code priority}: critical, high, medium, low), and each
 * task of a case that has one gets the label as the task variable {@value #PRIORITY_LABEL} when it is created, so the
 * column follows a priority the desk corrected for the tasks that come after.
 */
@Component
public class TaskListColumnsPlugin extends AbstractProcessEnginePlugin {

  public static final String PRIORITY_LABEL = "priorityLabel";
  static final String PRIORITY = "priority";
  static final Map<String, String> PRIORITY_LABELS =
      Map.of("critical", "Crítica", "high", "Alta", "medium", "Media", "low", "Baja");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, TaskListColumnsPlugin::labelPriority,
        false);
  }

  static void labelPriority(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    Object priority = task.getExecution().getVariable(PRIORITY);
    String label = priority instanceof String code ? PRIORITY_LABELS.get(code) : null;
    if (label != null) {
      task.setVariableLocal(PRIORITY_LABEL, label);
    }
  }
}
