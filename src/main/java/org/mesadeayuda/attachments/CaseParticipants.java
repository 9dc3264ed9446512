package org.mesadeayuda.attachments;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who a case's documents are for, read from the engine by the case number (the business key every process instance of
 * the case carries, the called procedures included), runtime and history, so that attachments depend on no procedure's
 * register:
 * <ul>
 *   <li>the requester: the {@code requester} variable of any instance of the case, or the user who started the
 *       case's first instance (a called procedure's start user is whoever completed the calling task);</li>
 *   <li>the technician: the {@code technician} variable of any instance of the case;</li>
 *   <li>the desk ({@code mesa-ayuda}) and administrators;</li>
 *   <li>people who hold or held a task of the case, or may claim one open now (approvers such as the Technology
 *       Director): they see the documents but do not add any.</li>
 * </ul>
 * The requester, the technician and the desk add documents while an instance of the case is still running; everybody
 * above downloads them also after the case ended.
 */
@Component
class CaseParticipants {

  static final String REQUESTER = "requester";
  static final String TECHNICIAN = "technician";

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;

  CaseParticipants(HistoryService historyService, RuntimeService runtimeService, TaskService taskService,
      IdentityService identityService) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /**
   * What the person may do with the case's documents; {@code visible} false also when the case does not exist, so a
   * refusal never tells whether it does.
   *
   * @param heldTask the open task of the case assigned to the person, where an upload of theirs is recorded
   */
  record Access(boolean visible, boolean mayUpload, boolean open, Optional<Task> heldTask) {
    static final Access NONE = new Access(false, false, false, Optional.empty());
  }

  Access of(String caseNumber, Person person) {
    if (caseNumber == null || caseNumber.isBlank() || person == null || person.userId() == null) {
      return Access.NONE;
    }
    // the case's people are facts of the case, whatever the engine lets the person read of it
    return withoutAuthorization(() -> decide(caseNumber, person));
  }

  private Access decide(String caseNumber, Person person) {
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list();
    if (instances.isEmpty()) {
      return Access.NONE;
    }
    String user = person.userId();
    boolean open = instances.stream().anyMatch(instance -> instance.getEndTime() == null);
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();

    Set<String> requesters = new HashSet<>(values(ids, REQUESTER));
    instances.stream().filter(instance -> instance.getSuperProcessInstanceId() == null)
        .map(HistoricProcessInstance::getStartUserId).filter(id -> id != null).forEach(requesters::add);
    Set<String> technicians = values(ids, TECHNICIAN);

    boolean works = person.isDesk() || requesters.contains(user) || technicians.contains(user);
    Optional<Task> heldTask = open
        ? taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskAssignee(user)
            .orderByTaskCreateTime().asc().list().stream().findFirst()
        : Optional.empty();
    boolean visible = works || heldTask.isPresent() || heldOrMayClaim(caseNumber, person, open);
    return new Access(visible, works && open, open, heldTask);
  }

  private boolean heldOrMayClaim(String caseNumber, Person person, boolean open) {
    boolean held = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
        .taskAssignee(person.userId()).count() > 0;
    if (held || !open) {
      return held;
    }
    if (taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskCandidateUser(person.userId()).count() > 0) {
      return true;
    }
    return !person.groups().isEmpty() && taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskCandidateGroupIn(List.copyOf(person.groups())).count() > 0;
  }

  /** The text values a variable has, or had last, in the instances (history holds running instances' values too). */
  private Set<String> values(List<String> instanceIds, String name) {
    Set<String> values = new HashSet<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instanceIds.toArray(String[]::new)).variableName(name).disableCustomObjectDeserialization()
        .list()) {
      if (variable.getValue() instanceof String value && !value.isBlank()) {
        values.add(value);
      }
    }
    // a lower history level would leave history empty: the running instances answer for themselves
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(instanceIds.toArray(String[]::new)).variableName(name)
        .disableCustomObjectDeserialization().list()) {
      if (variable.getValue() instanceof String value && !value.isBlank()) {
        values.add(value);
      }
    }
    return values;
  }

  private <T> T withoutAuthorization(Supplier<T> query) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
