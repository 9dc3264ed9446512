package org.mesadeayuda.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
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
          && (cached.getEntityState() == DbEntityState.TRANSIENT || valueChanged(cached));
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

  /**
   * Whether the completion changed what the variable holds. Tasklist's form-js sends a read-only field's value back
   * with the form (the close form shows the technician's "Trabajo realizado"): the engine then rewrites the variable
   * with the same value, and the cache calls it dirty because every write counts up its sequence counter. So the
   * value fields of the state the variable was loaded with are compared, the counter left out.
   */
  static boolean valueChanged(CachedDbEntity cached) {
    if (!cached.isDirty()) {
      return false;
    }
    Object loaded = LOADED_STATE.apply(cached);
    Object now = cached.getEntity().getPersistentState();
    if (!(loaded instanceof Map<?, ?> before) || !(now instanceof Map<?, ?> after)
        || after.get(BYTE_ARRAY) != null) {
      // a serialized value (JSON, object, file) lives in a byte array whose id stays: no way to tell, so changed
      return true;
    }
    Map<Object, Object> a = new HashMap<>(before);
    Map<Object, Object> b = new HashMap<>(after);
    a.remove(SEQUENCE_COUNTER);
    b.remove(SEQUENCE_COUNTER);
    return !a.equals(b);
  }

  private static final String SEQUENCE_COUNTER = "sequenceCounter";
  private static final String BYTE_ARRAY = "byteArrayValueId";

  /**
   * The persistent state the cache copied when it loaded the entity: Camunda keeps it in a protected field with no
   * accessor. Should a later engine rename it, every dirty variable counts as changed again (the stricter answer).
   */
  private static final Function<CachedDbEntity, Object> LOADED_STATE = loadedState();

  private static Function<CachedDbEntity, Object> loadedState() {
    try {
      java.lang.reflect.Field copy = CachedDbEntity.class.getDeclaredField("copy");
      copy.setAccessible(true);
      return cached -> {
        try {
          return copy.get(cached);
        } catch (IllegalAccessException e) {
          return null;
        }
      };
    } catch (ReflectiveOperationException | RuntimeException e) {
      return cached -> null;
    }
  }

  /** A task without a form asks for nothing. */
  private Set<String> editableFields(DelegateTask task) {
    FormRules form = forms.taskForm(task);
    return form == null ? Set.of() : form.editableKeys();
  }
}
