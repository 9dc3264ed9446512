package org.mesadeayuda.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Every task in Tasklist carries its case number ("Asignar técnico — SOP-2026-000042"), in every process, without
 * each diagram having to repeat it in its labels. A task of a multi-instance scope also carries what its instance is
 * about, when the scope names it in the local variable {@value #TASK_SUBJECT} ("Confirmar disponibilidad de equipos:
 * Operaciones — MP-2027-S1"): several tasks of one case then read apart in the list.
 */
@Component
public class TaskNamesPlugin extends AbstractProcessEnginePlugin {

  static final String SEPARATOR = " — ";
  public static final String TASK_SUBJECT = "taskSubject";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, TaskNamesPlugin::appendCaseNumber,
        false);
  }

  static void appendCaseNumber(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    Object subject = task.getExecution().getVariable(TASK_SUBJECT);
    if (subject != null && task.getName() != null) {
      task.setName(task.getName() + ": " + subject);
    }
    String name = task.getName();
    if (caseNumber != null && name != null && !name.endsWith(SEPARATOR + caseNumber)) {
      task.setName(name + SEPARATOR + caseNumber);
    }
  }
}
