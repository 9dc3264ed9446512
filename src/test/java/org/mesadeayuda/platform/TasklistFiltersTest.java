package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestMail;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 16, "Ready views per role": the Tasklist filters each role finds, what they list and in which order. */
@MesaSpringTest
class TasklistFiltersTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  private final List<String> createdTasks = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    createdTasks.forEach(id -> taskService.deleteTask(id, true));
  }

  @Test
  void eachRoleFindsItsOwnViewsInSpanish() {
    assertThat(filtersOf(Role.MESA_AYUDA)).contains(TasklistFilters.MY_TASKS, TasklistFilters.ALL_OPEN,
        TasklistFilters.UNASSIGNED, TasklistFilters.DUE_TODAY_OR_OVERDUE, TasklistFilters.BY_PRIORITY)
        .doesNotContain(TasklistFilters.QUALITY_OPEN, TasklistFilters.WAITING_FOR_MY_APPROVAL);
    assertThat(filtersOf(Role.TECNICOS)).contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_UNASSIGNED,
        TasklistFilters.MY_GROUP_ALL).doesNotContain(TasklistFilters.ALL_OPEN, TasklistFilters.UNASSIGNED);
    for (Role approver : List.of(Role.DIRECTOR_TI, Role.DIRECTORES_AREA, Role.JEFES_PROCESO, Role.DAF)) {
      assertThat(filtersOf(approver)).as(approver.groupId()).contains(TasklistFilters.WAITING_FOR_MY_APPROVAL)
          .doesNotContain(TasklistFilters.UNASSIGNED);
    }
    assertThat(filtersOf(Role.CALIDAD)).contains(TasklistFilters.QUALITY_OPEN, TasklistFilters.QUALITY_OVERDUE)
        .doesNotContain(TasklistFilters.UNASSIGNED, TasklistFilters.MY_GROUP_ALL);
    // a requester sees her own tasks (verify and rate) and nothing of the desk's
    assertThat(filtersOf(Role.SOLICITANTES))
        .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_UNASSIGNED);
  }

  @Test
  void everyFilterShowsTicketRequesterAndPriorityLabel() {
    for (TasklistFilters.Definition definition : TasklistFilters.DEFINITIONS) {
      Filter filter = filter(definition.name());
      List<?> columns = (List<?>) filter.getProperties().get("variables");
      assertThat(columns.stream().map(column -> (Object) ((Map<?, ?>) column).get("label")).toList()).as(definition.name())
          .containsExactly((Object) "Solicitante", "Prioridad", "Ticket", "Caso");
    }
  }

  @Test
  void deskViewsListByDueDateThenPriority() {
    Instant now = Instant.now();
    String overdueLow = task("vencida baja", now.minus(2, ChronoUnit.DAYS), 25, null);
    String todayHigh = task("hoy alta", now.minus(1, ChronoUnit.MINUTES), 75, null);
    String todayCritical = task("hoy crítica", now.minus(1, ChronoUnit.MINUTES), 100, null);
    String nextWeek = task("próxima semana", now.plus(7, ChronoUnit.DAYS), 100, null);
    String claimed = task("tomada", now.plus(3, ChronoUnit.DAYS), 50, "marta.mesa");

    authenticate("marta.mesa", Role.MESA_AYUDA);
    assertThat(listed(TasklistFilters.ALL_OPEN))
        .containsExactly(overdueLow, todayCritical, todayHigh, claimed, nextWeek);
    assertThat(listed(TasklistFilters.UNASSIGNED)).containsExactly(overdueLow, todayCritical, todayHigh, nextWeek);
    assertThat(listed(TasklistFilters.DUE_TODAY_OR_OVERDUE)).containsExactly(overdueLow, todayCritical, todayHigh);
    assertThat(listed(TasklistFilters.BY_PRIORITY))
        .containsExactly(todayCritical, nextWeek, todayHigh, claimed, overdueLow);
  }

  @Test
  void qualityReadsTheOpenAndOverdueTasks() {
    Instant now = Instant.now();
    String overdue = task("vencida", now.minus(1, ChronoUnit.DAYS), 50, null);
    String later = task("a tiempo", now.plus(2, ChronoUnit.DAYS), 50, null);

    authenticate("carla.calidad", Role.CALIDAD);
    assertThat(listed(TasklistFilters.QUALITY_OPEN)).containsExactly(overdue, later);
    assertThat(listed(TasklistFilters.QUALITY_OVERDUE)).containsExactly(overdue);
  }

  @Test
  void theSupportRequestsTasksCarryThePriorityAsAWord() {
    ProcessInstance ticket = runtimeService.startProcessInstanceByKey("support-request", supportRequest());
    Jobs.runAsyncSteps(managementService, ticket);
    Task review = taskService.createTaskQuery().processInstanceId(ticket.getId()).singleResult();

    assertThat(runtimeService.getVariable(ticket.getId(), "priority")).isEqualTo("medium");
    assertThat(taskService.getVariableLocal(review.getId(), TaskListColumnsPlugin.PRIORITY_LABEL)).isEqualTo("Media");
    runtimeService.deleteProcessInstance(ticket.getId(), "prueba");
  }

  private List<String> filtersOf(Role role) {
    authenticate("someone", role);
    try {
      return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void authenticate(String user, Role role) {
    identityService.setAuthentication(user, List.of(role.groupId()));
  }

  private Filter filter(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult();
  }

  /** The ids of this test's tasks the filter lists, in its order. */
  private List<String> listed(String filterName) {
    List<Task> tasks = filterService.list(filter(filterName).getId());
    return tasks.stream().map(Task::getId).filter(createdTasks::contains).toList();
  }

  private String task(String name, Instant due, int priority, String assignee) {
    Task task = taskService.newTask();
    task.setName(name);
    task.setDueDate(Date.from(due));
    task.setPriority(priority);
    task.setAssignee(assignee);
    taskService.saveTask(task);
    createdTasks.add(task.getId());
    return task.getId();
  }

  private static Map<String, Object> supportRequest() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Ana López");
    variables.put("requester", "ana.solicitante");
    variables.put("requesterEmail", "ana.lopez@institucion.gob");
    variables.put("department", "operaciones");
    variables.put("channel", "web");
    variables.put("requestType", "equipment_support");
    variables.put("description", "La computadora no enciende");
    variables.put("assetTag", "INV-0042");
    variables.put("impact", "medium");
    variables.put("urgency", "medium");
    return variables;
  }
}
