package org.mesadeayuda.platform;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads variables as forms send them: text trimmed (blank = absent), numbers as numbers or text, checkboxes as
 * booleans or text. Each process's variables class names its variables and reads them through these.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  public static Integer integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number number) {
      return number.intValue();
    }
    return Integer.valueOf(value.toString().trim());
  }

  public static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().trim());
  }

  public static Date date(VariableScope scope, String name) {
    return (Date) scope.getVariable(name);
  }

  /**
   * Who completes the task: the user logged in to Tasklist or the REST API, as the server authenticated her; never a
   * variable the completion sent, and not the assignee when someone else (an administrator) completes it. Without an
   * authenticated user (the engine's own steps, engine tests) the assignee.
   */
  public static String actor(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee();
  }
}
