package org.mesadeayuda.platform;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may work (claim, complete) a task: only the person the process names on it, or, when it names nobody, its
 * candidate groups. Camunda's default gives UPDATE (which also lets change any variable) to the assignee and to every
 * candidate group, and gives it again to whoever is made assignee, so whoever may assign tasks could assign one to
 * herself and decide it. Here:
 * <ul>
 *   <li>the engine's task permission is TASK_WORK (claim, complete, submit the form), not UPDATE;</li>
 *   <li>a task created with an assignee (the requester, the boss who signs, the department head, the chosen
 *   technician) leaves its candidate groups READ only: the group sees it, only the named person decides;</li>
 *   <li>when someone assigns the task later (the desk dispatching, a member claiming), the new assignee may work it only
 *   if the diagram names her on it or she is a member of one of its candidate groups; the former assignee loses the
 *   task.</li>
 * </ul>
 * The desk's own global grant is READ + TASK_ASSIGN (IdentitySetup): it dispatches without deciding.
 */
@Component
public class TaskAuthorizations extends AbstractProcessEnginePlugin {

  /** Camunda's state of a task while the engine creates it (TaskEntity.TaskState.STATE_INIT). */
  private static final String BEING_CREATED = "Init";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      if (beingCreated(task)) {
        return super.newTaskAssignee(task, oldAssignee, newAssignee);
      }
      if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !oldAssignee.equals(task.getOwner())) {
        Context.getCommandContext().getAuthorizationManager()
            .deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), oldAssignee);
      }
      if (newAssignee != null && (namedByProcess(task, newAssignee) || memberOfACandidateGroup(task, newAssignee))) {
        return super.newTaskAssignee(task, oldAssignee, newAssignee);
      }
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String linkType) {
      if (IdentityLinkType.CANDIDATE.equals(linkType) && beingCreated(task) && task.getAssignee() != null) {
        // the process named the person who decides: the group only sees the task
        return new AuthorizationEntity[] {
            createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false, Permissions.READ)};
      }
      return super.newTaskGroupIdentityLink(task, groupId, linkType);
    }

    private static boolean beingCreated(Task task) {
      return task instanceof TaskEntity entity && BEING_CREATED.equals(entity.getTaskState());
    }

    /** Whether the diagram's assignee expression names this person (the desk gave the task back to her). */
    private static boolean namedByProcess(Task task, String userId) {
      if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null
          || entity.getTaskDefinition().getAssigneeExpression() == null || entity.getExecution() == null) {
        return false;
      }
      try {
        return userId.equals(entity.getTaskDefinition().getAssigneeExpression().getValue(entity.getExecution()));
      } catch (RuntimeException cannotTell) {
        return false;
      }
    }

    private static boolean memberOfACandidateGroup(Task task, String userId) {
      if (!(task instanceof TaskEntity entity)) {
        return false;
      }
      CommandContext context = Context.getCommandContext();
      return context.runWithoutAuthorization(() -> entity.getIdentityLinks().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .map(IdentityLinkEntity::getGroupId)
          .filter(groupId -> groupId != null)
          .anyMatch(groupId -> context.getReadOnlyIdentityProvider().createUserQuery(context)
              .userId(userId).memberOfGroup(groupId).count() > 0));
    }
  }

}
