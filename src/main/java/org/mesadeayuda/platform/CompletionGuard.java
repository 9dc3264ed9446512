package org.mesadeayuda.platform;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * A person completing a task may set only what the task's form asks for. Without this, the variables sent with a
 * completion (Tasklist or REST) overwrite any case fact: an approver could change the address the access identifier is
 * mailed to, the staff member who supervises, the requester... The check runs first on every task's completion by an
 * authenticated user and refuses (400, nothing changed) a variable that the completion created or changed and that is
 * not an editable field of the task's form. The engine's own steps (no authenticated user) are not limited.
 *
 * <p>It also records who completed the task, as the server authenticated her, in the task variable
 * {@value #COMPLETED_BY} (kept in the history with the task: Cockpit shows it, registers read it): an unclaimed task
 * completed through the REST API otherwise has no assignee in the history.
 */
@Component
public class CompletionGuard extends AbstractProcessEnginePlugin {

  public static final String COMPLETED_BY = "completedBy";

  private final DeployedForms forms;

  public CompletionGuard(DeployedForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // before the diagram's own listeners, so what those set is not mistaken for the person's input
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, this::check, true);
  }

  void check(DelegateTask task) {
    Authentication person = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (person == null || person.getUserId() == null) {
      return;
    }
    Set<String> refused = new TreeSet<>();
    DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
    for (VariableInstanceEntity variable : cache.getEntitiesByType(VariableInstanceEntity.class)) {
      if (!task.getProcessInstanceId().equals(variable.getProcessInstanceId())) {
        continue;
      }
      CachedDbEntity cached = cache.getCachedEntity(variable);
      boolean changed = cached != null
          && (cached.getEntityState() == DbEntityState.TRANSIENT || cached.isDirty());
      if (changed && !editableFields(task).contains(variable.getName())) {
        refused.add(variable.getName());
      }
    }
    if (!refused.isEmpty()) {
      throw new InvalidInputException(
          "Esta tarea no puede cambiar los datos del caso: " + String.join(", ", refused) + ".");
    }
    task.setVariableLocal(COMPLETED_BY, person.getUserId());
  }

  /** A task without a form asks for nothing. */
  private Set<String> editableFields(DelegateTask task) {
    FormRules form = forms.taskForm(task);
    return form == null ? Set.of() : form.editableKeys();
  }
}
