package org.mesadeayuda.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role finds ready at its first login (issue 16, "Ready views per role"), in Spanish, sorted
 * by due date then priority, with the ticket number, the requester and the priority's label as columns (the due date
 * is on every task of the list). Created at every start when missing (by name), so a filter changed or deleted in
 * Tasklist is left as its owner made it; each filter is readable by the roles it is for.
 */
@Component
@Order(1)
public class TasklistFilters implements ApplicationRunner {

  static final String MY_TASKS = "Mis tareas";
  static final String MY_GROUPS_UNASSIGNED = "Tareas de mis grupos";
  static final String ALL_OPEN = "Todos los casos abiertos";
  static final String UNASSIGNED = "Sin asignar";
  static final String DUE_TODAY_OR_OVERDUE = "Vencen hoy o vencidas";
  static final String BY_PRIORITY = "Por prioridad";
  static final String MY_GROUP_ALL = "Mi grupo (tomadas o no)";
  static final String WAITING_FOR_MY_APPROVAL = "Esperan mi aprobación";
  static final String QUALITY_OPEN = "Consulta: casos abiertos";
  static final String QUALITY_OVERDUE = "Consulta: casos vencidos";

  /** The end of today (server zone): tasks due before it are due today or overdue. */
  static final String END_OF_TODAY = "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}";

  /**
   * The columns of the task list: variables of the case (those a case does not have are not shown). Tasklist shows
   * the first two on every row and the others when the row is opened; the ticket number is also in every task's name.
   */
  static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "requesterName", "label", "Solicitante"),
      Map.of("name", TaskListColumnsPlugin.PRIORITY_LABEL, "label", "Prioridad"),
      Map.of("name", "ticketNumber", "label", "Ticket"),
      Map.of("name", "caseNumber", "label", "Caso"));

  private static final Set<Role> EVERYONE = Set.of();
  private static final Set<Role> DESK = Set.of(Role.MESA_AYUDA);
  private static final Set<Role> APPROVERS =
      Set.of(Role.DIRECTOR_TI, Role.DIRECTORES_AREA, Role.JEFES_PROCESO, Role.DAF);

  /** One filter: who reads it, what it finds, and whether it lists by priority first. */
  record Definition(String name, int position, String description, Set<Role> readers, boolean priorityFirst,
      UnaryOperator<TaskQuery> criteria) {}

  static final List<Definition> DEFINITIONS = List.of(
      new Definition(MY_TASKS, -10, "Tareas asignadas a mí", EVERYONE, false,
          query -> query.taskAssigneeExpression("${currentUser()}")),
      new Definition(WAITING_FOR_MY_APPROVAL, -5, "Autorizaciones y firmas que me esperan, a mí o a mi grupo",
          APPROVERS, false,
          query -> query.or().taskAssigneeExpression("${currentUser()}")
              .taskCandidateGroupInExpression("${currentUserGroups()}").endOr()),
      new Definition(MY_GROUPS_UNASSIGNED, 0, "Tareas sin asignar de mis grupos", EVERYONE, false,
          query -> query.taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()),
      new Definition(MY_GROUP_ALL, 5, "Tareas de mis grupos, tomadas o no", Set.of(Role.TECNICOS), false,
          query -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()),
      new Definition(ALL_OPEN, 10, "Todas las tareas abiertas de todos los casos, tomadas o no", DESK, false,
          query -> query),
      new Definition(UNASSIGNED, 11, "Tareas que nadie ha tomado", DESK, false, TaskQuery::taskUnassigned),
      new Definition(DUE_TODAY_OR_OVERDUE, 12, "Tareas que vencen hoy o ya vencieron", DESK, false,
          query -> query.dueBeforeExpression(END_OF_TODAY)),
      new Definition(BY_PRIORITY, 13, "Todas las tareas abiertas, las más urgentes primero", DESK, true,
          query -> query),
      new Definition(QUALITY_OPEN, 20, "Todas las tareas abiertas (solo consulta)", Set.of(Role.CALIDAD), false,
          query -> query),
      new Definition(QUALITY_OVERDUE, 21, "Tareas vencidas (solo consulta)", Set.of(Role.CALIDAD), false,
          query -> query.dueBeforeExpression("${now()}")));

  private final FilterService filterService;
  private final AuthorizationService authorizationService;
  private final TaskService taskService;
  private final SecurityProperties properties;

  public TasklistFilters(FilterService filterService, AuthorizationService authorizationService,
      TaskService taskService, SecurityProperties properties) {
    this.filterService = filterService;
    this.authorizationService = authorizationService;
    this.taskService = taskService;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    DEFINITIONS.forEach(this::createIfMissing);
  }

  private void createIfMissing(Definition definition) {
    if (filterService.createFilterQuery().filterName(definition.name()).count() > 0) {
      return;
    }
    TaskQuery query = definition.criteria().apply(taskService.createTaskQuery());
    if (definition.priorityFirst()) {
      query.orderByTaskPriority().desc().orderByDueDate().asc();
    } else {
      query.orderByDueDate().asc().orderByTaskPriority().desc();
    }
    Filter filter = filterService.newTaskFilter(definition.name());
    filter.setOwner(properties.adminUser());
    filter.setQuery(query);
    filter.setProperties(Map.of(
        "description", definition.description(),
        "priority", definition.position(),
        "refresh", true,
        "variables", COLUMNS));
    filterService.saveFilter(filter);
    if (definition.readers().isEmpty()) {
      Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      everyone.setUserId(ANY);
      allowToRead(everyone, filter);
    } else {
      for (Role role : definition.readers()) {
        Authorization group = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        group.setGroupId(role.groupId());
        allowToRead(group, filter);
      }
    }
  }

  private void allowToRead(Authorization authorization, Filter filter) {
    authorization.setResource(Resources.FILTER);
    authorization.setResourceId(filter.getId());
    authorization.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(authorization);
  }
}
