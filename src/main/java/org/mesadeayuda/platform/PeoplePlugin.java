package org.mesadeayuda.platform;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * No task is sent to nobody (issue 16):
 * <ul>
 *   <li>a task is never assigned to a user the identity does not know, however it is assigned: the diagram's
 *   assignee, Tasklist, Cockpit or the REST API; the assignment is refused in Spanish and nothing changes;</li>
 *   <li>a person field of a task form is a select whose options the engine puts in the task when it is created
 *   ({@link FormOptions}); {@link TaskFormGuard} checks the choice against the same list again on completion;</li>
 *   <li>a start form is served with the same options and the starter's known data already in it
 *   ({@link InstitutionStartForms}, {@link RequesterProfile});</li>
 *   <li>whoever holds a technician's task holds the ticket: reassigning it in Tasklist or Cockpit changes the case's
 *   {@value #TECHNICIAN}, so work sent back later, and a sub-case, go to her.</li>
 * </ul>
 */
@Component
public class PeoplePlugin extends AbstractProcessEnginePlugin {

  /** The variable that names who holds the technical work of a case. */
  public static final String TECHNICIAN = "technician";
  private static final String BEING_CREATED = "Init";

  private final DeployedForms forms;
  private final FormOptions options;
  private final Directory directory;

  public PeoplePlugin(DeployedForms forms, FormOptions options, Directory directory) {
    this.forms = forms;
    this.options = options;
    this.directory = directory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, this::offerChoices, true);
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_ASSIGNMENT, this::checkAssignee, true);
  }

  void offerChoices(DelegateTask task) {
    options.of(forms.taskForm(task), task::getVariable)
        .forEach((key, list) -> task.setVariableLocal(key, FormOptions.variable(list)));
  }

  void checkAssignee(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    if (!directory.exists(assignee)) {
      String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
      throw new InvalidInputException("«" + assignee + "» no es un usuario del sistema: la tarea «" + name
          + "» no se puede asignar a nadie que no exista. Elija a la persona de la lista de usuarios.",
          List.of(new FieldProblem("assignee", "«" + assignee + "» no es un usuario del sistema")));
    }
    if (!beingCreated(task) && holdsTheTechnicalWork(task) && !assignee.equals(task.getVariable(TECHNICIAN))) {
      task.setVariable(TECHNICIAN, assignee);
    }
  }

  /** The diagram gives this task to the case's technician: reassigning it moves the case. */
  private static boolean holdsTheTechnicalWork(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
      return false;
    }
    Expression assignee = entity.getTaskDefinition().getAssigneeExpression();
    return assignee != null && assignee.getExpressionText().replace(" ", "").contains("'" + TECHNICIAN + "'")
        || assignee != null && ("${" + TECHNICIAN + "}").equals(assignee.getExpressionText().replace(" ", ""));
  }

  private static boolean beingCreated(DelegateTask task) {
    return task instanceof TaskEntity entity && BEING_CREATED.equals(entity.getTaskState());
  }
}
