package org.mesadeayuda.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mesadeayuda.platform.CalendarProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A person's requests as she reads them, from the engine (runtime and history, every procedure alike) and the
 * e-mails the cases sent her. Whose request a case is: the {@code requester} of its first instance, or, for a case
 * without one, whoever started it. The portal reads the procedures; no procedure knows the portal.
 */
@Service
class MyRequests {

  static final String REQUESTER = "requester";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final String SUPPORT = "support-request";
  private static final Map<String, String> SLA = Map.of("on_time", "En plazo", "conforming", "Cumplido en plazo",
      "non_conforming", "Fuera de plazo", "exempt", "Exenta del plazo");
  private static final Map<String, String> CHANNELS = Map.of("web", "formulario web", "email", "correo electrónico",
      "phone", "teléfono", "in_person", "en persona");

  /** One line of the list. {@code slaClass} is ok, warn, late or none (the colour beside the words). */
  record Row(String number, String type, String status, String deadline, String sla, String slaClass,
      String lastUpdate, boolean open, Instant started) {}

  record Event(Instant at, String when, String what, String detail) {}

  record Message(String when, String subject, String body) {}

  record Pending(String taskId, String name, String due) {}

  record Detail(Row row, String requesterName, String opened, String description, List<Event> timeline,
      List<Message> messages, List<Pending> pending) {}

  private final HistoryService historyService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final FormService formService;
  private final PortalProperties properties;
  private final JdbcClient jdbc;
  private final ZoneId zone;

  MyRequests(HistoryService historyService, TaskService taskService, IdentityService identityService,
      RepositoryService repositoryService, FormService formService, PortalProperties properties, JdbcClient jdbc,
      CalendarProperties calendar) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.formService = formService;
    this.properties = properties;
    this.jdbc = jdbc;
    this.zone = calendar.zone();
  }

  /** Her requests, newest first; {@code open} null for all. */
  List<Row> list(String requester, Boolean open) {
    Names names = new Names();
    return cases(requester).stream()
        .filter(instance -> open == null || open == (instance.getEndTime() == null))
        .map(instance -> row(instance, requester, names)).toList();
  }

  /** The case's root instance when it is one of the requester's requests. */
  Optional<HistoricProcessInstance> hers(String caseNumber, String requester) {
    if (caseNumber == null || caseNumber.isBlank()) {
      return Optional.empty();
    }
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber.trim())
        .rootProcessInstances().list().stream()
        .filter(instance -> properties.procedures().contains(instance.getProcessDefinitionKey()))
        .filter(instance -> requester.equals(requesterOf(instance)))
        .findFirst();
  }

  /** Whether the case is of a procedure people ask for (not the desk's routines). */
  boolean isRequest(HistoricProcessInstance instance) {
    return properties.procedures().contains(instance.getProcessDefinitionKey());
  }

  /** Who the case is for: its {@code requester}, else whoever started it. */
  String requesterOf(HistoricProcessInstance instance) {
    Object value = variables(instance.getId()).get(REQUESTER);
    return value instanceof String text && !text.isBlank() ? text : instance.getStartUserId();
  }

  Detail detail(HistoricProcessInstance root, String requester) {
    Names names = new Names();
    Map<String, Object> variables = variables(root.getId());
    Row row = row(root, requester, names);
    String caseNumber = root.getBusinessKey();
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list();
    List<Event> timeline = timeline(root, instances, variables, names);
    List<Pending> pending = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .or().taskAssignee(requester).taskCandidateUser(requester).endOr().orderByTaskCreateTime().asc().list()
        .stream().map(task -> new Pending(task.getId(), task.getName(), format(task.getDueDate()))).toList();
    return new Detail(row, names.user(requester), format(root.getStartTime()),
        text(variables.get("description")), timeline, messages(caseNumber, variables), pending);
  }

  private List<HistoricProcessInstance> cases(String requester) {
    String[] keys = properties.procedures().toArray(String[]::new);
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn(keys).rootProcessInstances()
        .variableValueEquals(REQUESTER, requester).orderByProcessInstanceStartTime().desc()
        .listPage(0, properties.maxListed())
        .forEach(instance -> found.put(instance.getId(), instance));
    List<HistoricProcessInstance> started = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(keys).rootProcessInstances().startedBy(requester)
        .orderByProcessInstanceStartTime().desc().listPage(0, properties.maxListed());
    for (HistoricProcessInstance instance : started) {
      if (!found.containsKey(instance.getId()) && requester.equals(requesterOf(instance))) {
        found.put(instance.getId(), instance);
      }
    }
    return found.values().stream().filter(instance -> instance.getBusinessKey() != null)
        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed())
        .limit(properties.maxListed()).toList();
  }

  private Row row(HistoricProcessInstance root, String requester, Names names) {
    Map<String, Object> variables = variables(root.getId());
    String caseNumber = root.getBusinessKey();
    boolean open = root.getEndTime() == null;
    List<Task> tasks = open ? taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .orderByTaskCreateTime().desc().list() : List.of();
    Date due = variables.get("resolutionDue") instanceof Date date ? date
        : tasks.stream().map(Task::getDueDate).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    String sla;
    String slaClass;
    Object status = variables.get("slaStatus");
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if ("exempt".equals(status) || !open && status instanceof String recorded && SLA.containsKey(recorded)) {
      sla = SLA.get((String) status);
      slaClass = "non_conforming".equals(status) ? "late" : "ok";
    } else if (open && due != null && !now.isBefore(due.toInstant())) {
      sla = "Vencido";
      slaClass = "late";
    } else if (open && due != null && Duration.between(now, due.toInstant()).toHours() < 24) {
      sla = "Por vencer";
      slaClass = "warn";
    } else if (open && due != null) {
      sla = "En plazo";
      slaClass = "ok";
    } else {
      sla = "—";
      slaClass = "none";
    }
    return new Row(caseNumber, type(root, variables), open ? openStatus(caseNumber, tasks, requester, names)
        : closedStatus(root, variables), format(due), sla, slaClass, format(lastUpdate(root, caseNumber)), open,
        root.getStartTime().toInstant());
  }

  private String type(HistoricProcessInstance root, Map<String, Object> variables) {
    if (SUPPORT.equals(root.getProcessDefinitionKey()) && variables.get("requestType") instanceof String type) {
      return startForm(root.getProcessDefinitionId()).flatMap(form -> form.field("requestType"))
          .map(field -> field.optionLabel(type)).orElse(type);
    }
    return root.getProcessDefinitionName() != null ? root.getProcessDefinitionName() : root.getProcessDefinitionKey();
  }

  private String openStatus(String caseNumber, List<Task> tasks, String requester, Names names) {
    if (tasks.isEmpty()) {
      return historyService.createHistoricActivityInstanceQuery().processInstanceId(caseRootId(caseNumber))
          .unfinished().orderByHistoricActivityInstanceStartTime().desc().list().stream()
          .filter(activity -> activity.getActivityName() != null && !activity.getActivityType().contains("ubProcess"))
          .findFirst().map(activity -> "En curso: " + activity.getActivityName().toLowerCase()).orElse("En curso");
    }
    Task task = tasks.get(0);
    if (requester.equals(task.getAssignee())) {
      return "Espera su respuesta: " + task.getName();
    }
    String holder = task.getAssignee() != null ? names.user(task.getAssignee()) : candidates(task, names);
    return switch (Optional.ofNullable(task.getTaskDefinitionKey()).orElse("")) {
      case "Task_ReviewAndAssign" -> "En revisión por " + holder;
      case "Task_StartAttention", "Task_AttendRequest", "Task_ApplyDefinitiveSolution" -> "En atención por " + holder;
      case "Task_CloseTicket" -> "En cierre por " + holder;
      default -> task.getName() + " — a cargo de " + holder;
    };
  }

  private String caseRootId(String caseNumber) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .rootProcessInstances().list().stream().findFirst().map(HistoricProcessInstance::getId).orElse("");
  }

  private String candidates(Task task, Names names) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).map(names::group).toList();
    return groups.isEmpty() ? "la Mesa de Ayuda" : String.join(" o ", groups);
  }

  private static String closedStatus(HistoricProcessInstance root, Map<String, Object> variables) {
    if (root.getDeleteReason() != null) {
      return "Cancelada";
    }
    if ("sin_respuesta".equals(variables.get("satisfaction"))) {
      return "Cerrada sin calificación (verificación tácita)";
    }
    return variables.get("satisfaction") instanceof String rating
        ? "Cerrada — calificada " + ("conforme".equals(rating) ? "conforme" : "no conforme") : "Cerrada";
  }

  private Date lastUpdate(HistoricProcessInstance root, String caseNumber) {
    Date last = root.getEndTime() != null ? root.getEndTime() : root.getStartTime();
    for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list()) {
      for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().desc().listPage(0, 1)) {
        if (activity.getStartTime().after(last)) {
          last = activity.getStartTime();
        }
      }
    }
    return last;
  }

  private List<Event> timeline(HistoricProcessInstance root, List<HistoricProcessInstance> instances,
      Map<String, Object> variables, Names names) {
    List<Event> events = new ArrayList<>();
    String channel = CHANNELS.get(text(variables.get("channel")));
    events.add(event(root.getStartTime(), "Solicitud recibida", (channel == null ? "" : "Por " + channel + ". ")
        + (root.getStartUserId() == null ? "" : "Registrada por " + names.user(root.getStartUserId()) + ".")));
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> own = instance.getId().equals(root.getId()) ? variables : variables(instance.getId());
      for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).finished().orderByHistoricActivityInstanceStartTime().asc().list()) {
        Event event = describe(activity, own, names, instance.getId().equals(root.getId()));
        if (event != null) {
          events.add(event);
        }
      }
    }
    if (root.getEndTime() != null) {
      events.add(event(root.getEndTime(), root.getDeleteReason() == null ? "Caso cerrado" : "Caso cancelado", ""));
    }
    events.sort(Comparator.comparing(Event::at));
    return events;
  }

  private Event describe(HistoricActivityInstance activity, Map<String, Object> v, Names names, boolean root) {
    Date at = activity.getEndTime();
    String id = activity.getActivityId();
    switch (id) {
      case "Task_RecordAssignment":
        return event(at, "Asignada", "Técnico: " + names.user(text(v.get("technician"))) + ".");
      case "Task_RecordFirstResponse":
        return event(at, "Primera respuesta del técnico", text(v.get("firstResponseMessage")));
      case "Task_ReportMissingResources":
        return event(at, "Faltan recursos para atenderla", text(v.get("missingResources")));
      case "Task_RecordEscalation":
        return event(at, "Escalada", text(v.get("escalationReason")));
      case "Task_ExtendDeadline":
        return event(at, "Plazo ampliado", (v.get("extensionDays") == null ? "" : v.get("extensionDays")
            + " días hábiles más. ") + "Motivo: " + text(v.get("extensionCause")));
      case "Task_ConfirmDefinitiveDate":
        return event(at, "Solución temporal aplicada", "Solución definitiva acordada para el "
            + format(v.get("definitiveSolutionDue") instanceof Date date ? date : null) + ".");
      case "Task_RecordExemption":
        return event(at, "Exenta del plazo", text(v.get("exemptionReason")));
      case "Task_RecordResolution":
        return event(at, "Solucionada", text(v.get("workDone")));
      case "Task_ReopenTicket":
        return event(at, "Devuelta al técnico", text(v.get("reopenReason")));
      case "Task_SendTicketFinished":
        return event(at, "Ticket finalizado", "Se le pidió verificar la solución y calificar el servicio.");
      case "Task_RecordRating":
        return event(at, "Calificada", ("conforme".equals(v.get("satisfaction")) ? "Conforme"
            : "no_conforme".equals(v.get("satisfaction")) ? "No conforme" : "") + (text(v.get("ratingComment"))
            .isEmpty() ? "" : ": " + text(v.get("ratingComment"))));
      case "Event_RatingTimeout":
        return event(at, "Sin respuesta en el plazo", "La solución se tuvo por verificada.");
      case "Task_MarkNonConforming":
        return event(at, "Plazo vencido", "El servicio quedó fuera de plazo.");
      default:
        break;
    }
    if ("userTask".equals(activity.getActivityType()) && !"Task_RateService".equals(id)) {
      return event(at, activity.getActivityName(), activity.getAssignee() == null ? ""
          : "Por " + names.user(activity.getAssignee()) + ".");
    }
    if ("callActivity".equals(activity.getActivityType())) {
      return event(activity.getStartTime(), "Pasó a su procedimiento", activity.getActivityName());
    }
    if (!root && "startEvent".equals(activity.getActivityType())) {
      return null;
    }
    return null;
  }

  private List<Message> messages(String caseNumber, Map<String, Object> variables) {
    String email = text(variables.get("requesterEmail"));
    if (email.isEmpty()) {
      return List.of();
    }
    // the outbox drops a body once sent (some carry secrets); one still waiting is shown, without a rating link, which
    // lets whoever holds it rate: it is hers, in her mailbox, not for the desk reading over her shoulder
    Pattern ratingLink = Pattern.compile(Pattern.quote(properties.url() + "calificar/") + "\\S+");
    return jdbc.sql("SELECT created_at, subject, body FROM mail_outbox WHERE LOWER(mail_to) = LOWER(?) "
        + "AND subject LIKE ? ORDER BY created_at, id").params(email, "%" + caseNumber + "%")
        .query((rs, n) -> new Message(format(rs.getTimestamp(1)), rs.getString(2), rs.getString(3) == null ? ""
            : ratingLink.matcher(rs.getString(3)).replaceAll("(enlace personal de calificación)")))
        .list();
  }

  Optional<StartForm> startForm(String processDefinitionId) {
    try {
      return Optional.of(StartForm.read(formService.getDeployedStartForm(processDefinitionId)));
    } catch (RuntimeException noForm) {
      return Optional.empty();
    }
  }

  ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
      if (variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(processInstanceId)
          || !values.containsKey(variable.getName())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  private Event event(Date at, String what, String detail) {
    Date when = at == null ? new Date(0) : at;
    return new Event(when.toInstant(), format(when), what, detail == null ? "" : detail.strip());
  }

  String format(Date date) {
    return date == null ? "—" : WHEN.format(date.toInstant().atZone(zone));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** Names of users and groups, looked up once per page. */
  private final class Names {
    private final Map<String, String> users = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();

    String user(String id) {
      if (id == null || id.isBlank()) {
        return "—";
      }
      return users.computeIfAbsent(id, key -> {
        User user = identityService.createUserQuery().userId(key).singleResult();
        return user == null ? key : PortalSession.fullName(user);
      });
    }

    String group(String id) {
      return groups.computeIfAbsent(id, key -> {
        Group group = identityService.createGroupQuery().groupId(key).singleResult();
        return group == null || group.getName() == null ? key : group.getName();
      });
    }
  }
}
