package org.mesadeayuda.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mesadeayuda.OfficeTime.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of processes/preventive-maintenance.bpmn (PM-1..PM-4), driven as the forms and the timers would. */
@MesaSpringTest
class PreventiveMaintenanceProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @Autowired MaintenanceProgrammes programmes;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    mail.purgeEmailFromAllMailboxes();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("preventive-maintenance").list()
        .forEach(running -> runtimeService.deleteProcessInstance(running.getId(), "test set-up"));
    jdbc.sql("DELETE FROM maintenance_reprogramming").update();
    jdbc.sql("DELETE FROM maintenance_item").update();
    jdbc.sql("DELETE FROM maintenance_programme").update();
    // five units of two departments; tags of their own so other tests' inventories do not matter
    unit("MNT-01", "operaciones", "in_service");
    unit("MNT-02", "operaciones", "in_service");
    unit("MNT-03", "operaciones", "on_loan");
    unit("MNT-04", "juridico", "in_service");
    unit("MNT-05", "juridico", "in_service");
    unit("MNT-99", "juridico", "decommissioned");
    ClockUtil.setCurrentTime(at("2026-01-05T09:00"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- programme and approval (PM-1) ---

  @Test
  void theHeadOfItDraftsFromTheInventoryAndTheDirectionReturnsItWithComments() {
    ProcessInstance programme = requestProgramme("2026-S1");
    assertThat(programme).isWaitingAt("Task_DraftProgramme");
    assertThat(programme.getBusinessKey()).isEqualTo("MP-2026-S1");
    Jobs.assertCandidateGroup(taskService, task(programme), "director-ti");

    // the draft lists every unit in service, none before two weeks from now, none retired
    String draft = (String) runtimeService.getVariable(programme.getId(), "programmeText");
    assertThat(draft).contains("MNT-01; 2026-", "MNT-03; 2026-", "MNT-04; 2026-").doesNotContain("MNT-99");
    assertThat(java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(draft).results()
        .map(match -> LocalDate.parse(match.group()))).allMatch(week -> !week.isBefore(LocalDate.parse("2026-01-19")));
    // each department in a week of its own
    assertThat(draftedWeek(draft, "MNT-01")).isEqualTo(draftedWeek(draft, "MNT-02"))
        .isNotEqualTo(draftedWeek(draft, "MNT-04"));

    assertThatThrownBy(() -> complete(programme, Map.of("programmeText",
        "MNT-01; 2026-02-09\nMNT-99; 2026-02-09\nMNT-01; 2026-02-16\nMNT-02; 2026-08-03\nMNT-04; el lunes")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Línea 2: el equipo «MNT-99» no está en servicio en el inventario.")
        .hasMessageContaining("Línea 3: el equipo MNT-01 ya está en el programa.")
        .hasMessageContaining("Línea 4: la semana del 3 de agosto de 2026 no es del primer semestre de 2026")
        .hasMessageContaining("Línea 5: escriba la semana como AAAA-MM-DD");
    assertThat(programme).isWaitingAt("Task_DraftProgramme");

    draft(programme, "MNT-01; 2026-02-11; escritorio de recepción\nMNT-04; 2026-02-16");
    assertThat(programme).isWaitingAt("Task_ApproveProgramme");
    Jobs.assertCandidateGroup(taskService, task(programme), "directores-area");
    assertThat(runtimeService.getVariable(programme.getId(), "programmeSummary")).isEqualTo(
        "2 equipos de 2 departamentos, de la semana del 9 de febrero de 2026 a la semana del 16 de febrero de 2026.");

    assertThatThrownBy(() -> complete(programme, Map.of("programmeApproved", false)))
        .hasMessageContaining("Indique qué debe corregirse");
    complete(programme, Map.of("programmeApproved", false, "approvalComments", "Falta el equipo de recepción."));
    assertThat(programme).isWaitingAt("Task_DraftProgramme");
    MaintenanceProgramme returned = programmes.programme(Semester.parse("2026-S1").orElseThrow()).orElseThrow();
    assertThat(returned.rejections()).isEqualTo(1);
    assertThat(returned.status()).isEqualTo(MaintenanceProgramme.DRAFTING);

    draft(programme, "MNT-01; 2026-02-09\nMNT-02; 2026-02-09\nMNT-04; 2026-02-16");
    complete(programme, Map.of("programmeApproved", true));
    assertThat(programme).isWaitingAt("Task_SendProgrammeToDepartments");
    Jobs.runAsyncSteps(managementService, programme);

    MaintenanceProgramme approved = programmes.programme(returned.id());
    assertThat(approved.status()).isEqualTo(MaintenanceProgramme.EXECUTING);
    assertThat(approved.rejections()).isEqualTo(1);
    assertThat(availabilityTasks(programme)).hasSize(2);
    // each head receives the department's copy (PM-2)
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(Arrays.stream(received).map(this::recipient))
        .containsExactlyInAnyOrder("jefatura.operaciones@institucion.gob", "jefatura.juridico@institucion.gob");
  }

  @Test
  void aSemesterHasOneProgramme() {
    requestProgramme("2026-S1");
    assertThatThrownBy(() -> requestProgramme("2026-S1"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ya tiene un programa");
    assertThatThrownBy(() -> requestProgramme("2025-S2")).hasMessageContaining("ya terminó");
    assertThatThrownBy(() -> requestProgramme("segundo")).hasMessageContaining("2027-S1");

    // the July timer finds a programme opened by hand and ends quietly; the January one opens its semester
    ClockUtil.setCurrentTime(at("2026-06-15T09:00"));
    requestProgramme("2026-S2");
    ClockUtil.setCurrentTime(at("2026-07-01T07:00"));
    fireSemesterTimer();
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("Event_ProgrammeAlreadyOpen")
        .count()).isEqualTo(1);
    assertThat(programmes.all()).hasSize(2);

    ClockUtil.setCurrentTime(at("2027-01-01T07:00"));
    fireSemesterTimer();
    ProcessInstance january = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("MP-2027-S1")
        .singleResult();
    assertThat(january).isWaitingAt("Task_DraftProgramme");
  }

  @Test
  void aDraftWhoseCaseWasCancelledIsTakenOverByTheNextCase() {
    ProcessInstance first = requestProgramme("2026-S1");
    draft(first, "MNT-01; 2026-02-09\nMNT-04; 2026-02-16");
    Long programmeId = programmes.programme(Semester.parse("2026-S1").orElseThrow()).orElseThrow().id();
    assertThat(programmes.allItems(programmeId)).hasSize(2);
    runtimeService.deleteProcessInstance(first.getId(), "cancelado en Cockpit");

    ProcessInstance second = requestProgramme("2026-S1");
    MaintenanceProgramme reopened = programmes.programme(programmeId);
    assertThat(reopened.programmeCode()).isEqualTo("MP-2026-S1");
    assertThat(reopened.processInstanceId()).isEqualTo(second.getId());
    assertThat(reopened.status()).isEqualTo(MaintenanceProgramme.DRAFTING);
    assertThat(programmes.allItems(programmeId)).as("the cancelled draft is discarded").isEmpty();
    assertThat(second).isWaitingAt("Task_DraftProgramme");

    // once approved, a cancelled case's programme stays: it was sent to the departments
    draft(second, "MNT-01; 2026-02-09");
    complete(second, Map.of("programmeApproved", true));
    Jobs.runAsyncSteps(managementService, second);
    assertThat(programmes.programme(programmeId).status()).isEqualTo(MaintenanceProgramme.EXECUTING);
    runtimeService.deleteProcessInstance(second.getId(), "cancelado en Cockpit");
    assertThatThrownBy(() -> requestProgramme("2026-S1")).hasMessageContaining("ya tiene un programa");
  }

  private void fireSemesterTimer() {
    Job timer = managementService.createJobQuery().processDefinitionKey("preventive-maintenance").timers().list()
        .stream().filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow();
    managementService.executeJob(timer.getId());
  }

  // --- availability and reprogramming (PM-2, PM-3) ---

  @Test
  void aDepartmentAsksToReprogramTwiceAndEveryMoveIsRecorded() {
    ProcessInstance programme = approvedProgramme();
    Task legal = availabilityTask(programme, "juridico");
    // no head named for Asesoría Jurídica: the task waits in the heads' group; Operaciones' goes to its head
    assertThat(legal.getAssignee()).isNull();
    assertThat(availabilityTask(programme, "operaciones").getAssignee()).isEqualTo("julia.jefa");
    // several tasks of one programme read apart in Tasklist
    assertThat(legal.getName()).isEqualTo("Confirmar disponibilidad de equipos: Asesoría Jurídica — MP-2026-S1");
    assertThat(taskService.getVariable(legal.getId(), "departmentItems")).asString()
        .contains("MNT-04; 2026-02-16;", "semana del 16 de febrero de 2026");
    taskService.complete(legal.getId(), Map.of("availabilityAnswer", "available"));

    Task operations = availabilityTask(programme, "operaciones");
    assertThatThrownBy(() -> taskService.complete(operations.getId(), Map.of("availabilityAnswer", "reprogram",
        "reprogramRequests", "MNT-04; 2026-03-02; no es nuestro\nMNT-01; 2026-03-02")))
        .hasMessageContaining("Línea 1: el equipo «MNT-04» no está programado para Operaciones.")
        .hasMessageContaining("Línea 2: indique el motivo");
    taskService.complete(operations.getId(), Map.of("availabilityAnswer", "reprogram",
        "reprogramRequests", "MNT-01; 2026-03-02; auditoría externa en recepción esa semana"));

    Task reprogram = onlyTaskAt(programme, "Task_ReprogramMaintenance");
    Jobs.assertCandidateGroup(taskService, reprogram, "director-ti");
    assertThat(taskService.getVariable(reprogram.getId(), "reprogramDecision")).isEqualTo("MNT-01; 2026-03-02\n");
    taskService.claim(reprogram.getId(), "diego.director");
    // the head of IT may set another week than the one proposed
    taskService.complete(reprogram.getId(), Map.of("reprogramDecision", "MNT-01; 2026-03-11"));

    Task again = availabilityTask(programme, "operaciones");
    assertThat(taskService.getVariable(again.getId(), "availabilityAnswer")).isNull();
    assertThat(taskService.getVariable(again.getId(), "departmentItems")).asString()
        .contains("MNT-01; 2026-03-09;");
    assertThat(again.getAssignee()).as("the head again after the move").isEqualTo("julia.jefa");
    taskService.complete(again.getId(), Map.of("availabilityAnswer", "reprogram",
        "reprogramRequests", "MNT-01; 2026-04-13; la auditoría se extendió"));
    Task secondMove = onlyTaskAt(programme, "Task_ReprogramMaintenance");
    taskService.claim(secondMove.getId(), "diego.director");
    taskService.complete(secondMove.getId(), Map.of("reprogramDecision", "MNT-01; 2026-04-13"));
    taskService.complete(availabilityTask(programme, "operaciones").getId(),
        Map.of("availabilityAnswer", "available"));

    // DIACO-IN-FO-03: both moves, each from the week it was in, with the reason and who asked and decided
    List<MaintenanceReprogramming> register = programmes.reprogrammings(programmeId(programme));
    assertThat(register).extracting(MaintenanceReprogramming::assetTag, MaintenanceReprogramming::originalWeek, MaintenanceReprogramming::newWeek,
            MaintenanceReprogramming::reason, MaintenanceReprogramming::requestedBy, MaintenanceReprogramming::recordedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("MNT-01", LocalDate.parse("2026-02-09"),
                LocalDate.parse("2026-03-09"), "auditoría externa en recepción esa semana", "julia.jefa",
                "diego.director"),
            org.assertj.core.groups.Tuple.tuple("MNT-01", LocalDate.parse("2026-03-09"),
                LocalDate.parse("2026-04-13"), "la auditoría se extendió", "julia.jefa", "diego.director"));
    MaintenanceItem moved = item(programme, "MNT-01");
    assertThat(moved.originalWeek()).isEqualTo(LocalDate.parse("2026-02-09"));
    assertThat(moved.plannedWeek()).isEqualTo(LocalDate.parse("2026-04-13"));

    // execution waits for each batch's week: operaciones has two weeks now
    assertThat(programme).isWaitingAt("Event_BatchWeekStarts");
    assertThat(runtimeService.createExecutionQuery().processInstanceId(programme.getId())
        .activityId("Event_BatchWeekStarts").count()).isEqualTo(3);
  }

  // --- execution and the indicator (PM-4, PM-5) ---

  @Test
  void someUnitsNotDoneLeaveTheIndicatorBelowTargetAndQualityNeedsAnAnalysis() throws Exception {
    ProcessInstance programme = confirmedProgramme();
    Long programmeId = programmeId(programme);
    startWeek("2026-02-09");
    Task operations = onlyTaskAt(programme, "Task_PerformMaintenance");
    Jobs.assertCandidateGroup(taskService, operations, "tecnicos");
    assertThat(operations.getName()).isEqualTo(
        "Realizar mantenimiento preventivo: Operaciones — semana del 9 de febrero de 2026 — MP-2026-S1");
    assertThat(operations.getDueDate()).isEqualTo(at("2026-02-13T16:00"));
    taskService.claim(operations.getId(), "tomas.tecnico");
    assertThatThrownBy(() -> taskService.complete(operations.getId(), checklist(false, "")))
        .hasMessageContaining("Marque las actividades realizadas");
    taskService.complete(operations.getId(), checklist(true,
        "MNT-02; el usuario no entregó el equipo\nMNT-03; en préstamo fuera de la sede"));

    startWeek("2026-02-16");
    taskService.complete(onlyTaskAt(programme, "Task_PerformMaintenance").getId(), checklist(true, ""));
    ClockUtil.setCurrentTime(at("2026-02-20T10:00"));
    Jobs.runAsyncSteps(managementService, programme);

    assertThat(programme).isWaitingAt("Task_DeliverIndicator");
    assertThat(runtimeService.getVariable(programme.getId(), "compliancePercent")).isEqualTo(60.0);
    assertThat(runtimeService.getVariable(programme.getId(), "complianceMet")).isEqualTo(false);
    assertThat((String) runtimeService.getVariable(programme.getId(), "indicatorSummary"))
        .contains("**Equipos programados:** 5 · **Con mantenimiento:** 3 · **No realizados:** 2")
        .contains("MNT-02 (Operaciones, semana del 9 de febrero de 2026): el usuario no entregó el equipo");
    assertThat(item(programme, "MNT-01").cleaningDone()).isTrue();
    assertThat(item(programme, "MNT-01").technician()).isEqualTo("tomas.tecnico");

    // closed in February: due by the 10th business day of March 2026 (2 to 13 March)
    Task deliver = onlyTaskAt(programme, "Task_DeliverIndicator");
    assertThat(deliver.getDueDate()).isEqualTo(at("2026-03-13T16:00"));
    assertThatThrownBy(() -> taskService.complete(deliver.getId(), Map.of()))
        .hasMessageContaining("escriba el análisis");
    taskService.claim(deliver.getId(), "diego.director");
    taskService.complete(deliver.getId(), Map.of("indicatorAnalysis",
        "Dos equipos no se entregaron: se coordinará con las jefaturas una semana alterna."));
    Jobs.runAsyncSteps(managementService, programme);

    assertThat(programme).isEnded();
    MaintenanceProgramme delivered = programmes.programme(programmeId);
    assertThat(delivered.status()).isEqualTo(MaintenanceProgramme.DELIVERED);
    assertThat(delivered.compliancePercent()).isEqualByComparingTo(new BigDecimal("60.0"));
    assertThat(delivered.deliveredBy()).isEqualTo("diego.director");
    MimeMessage report = Jobs.message(mail.getReceivedMessages(), "MP-2026-S1: indicador de cumplimiento");
    assertThat(recipient(report)).isEqualTo("gestion-calidad@institucion.gob");
    assertThat((String) report.getContent()).contains("Cumplimiento: 60,0 % (meta 80 %: no alcanzada)",
        "se coordinará con las jefaturas");
  }

  @Test
  void fourOfFiveMaintainedMeetsTheTargetAndALateWeekIsFlagged() {
    ProcessInstance programme = confirmedProgramme();
    startWeek("2026-02-09");
    // the week ends without a record: the units are flagged, the task stays for the late record
    ClockUtil.setCurrentTime(at("2026-02-13T16:01"));
    fireDueTimers(programme);
    assertThat(item(programme, "MNT-01").overdue()).isTrue();
    assertThat(item(programme, "MNT-04").overdue()).isFalse();
    Task late = onlyTaskAt(programme, "Task_PerformMaintenance");
    taskService.complete(late.getId(), checklist(true, "MNT-03; en préstamo fuera de la sede"));

    startWeek("2026-02-16");
    taskService.complete(onlyTaskAt(programme, "Task_PerformMaintenance").getId(), checklist(true, ""));
    Jobs.runAsyncSteps(managementService, programme);

    assertThat(runtimeService.getVariable(programme.getId(), "compliancePercent")).isEqualTo(80.0);
    assertThat(runtimeService.getVariable(programme.getId(), "complianceMet")).isEqualTo(true);
    assertThat(item(programme, "MNT-01").status()).isEqualTo(MaintenanceItem.DONE);
    // above the target the analysis is optional
    taskService.complete(onlyTaskAt(programme, "Task_DeliverIndicator").getId(), Map.of());
    Jobs.runAsyncSteps(managementService, programme);
    assertThat(programme).isEnded();
  }

  @Test
  void theSemesterEndClosesWhatWasNotDoneAndQualityIsDueInTenBusinessDaysOfJuly() {
    ProcessInstance programme = confirmedProgramme();
    startWeek("2026-02-09");
    taskService.complete(onlyTaskAt(programme, "Task_PerformMaintenance").getId(), checklist(true, ""));
    // the juridico week passes and nobody records it until the semester ends
    ClockUtil.setCurrentTime(at("2026-07-01T00:00"));
    fireDueTimers(programme);
    Jobs.runAsyncSteps(managementService, programme);

    assertThat(programme).hasPassed("Event_SemesterEnded").isWaitingAt("Task_DeliverIndicator");
    assertThat(item(programme, "MNT-04").status()).isEqualTo(MaintenanceItem.NOT_DONE);
    assertThat(item(programme, "MNT-04").notDoneReason()).isEqualTo("No se ejecutó antes del cierre del programa.");
    assertThat(runtimeService.getVariable(programme.getId(), "compliancePercent")).isEqualTo(60.0);
    // closed on 1 July: July's business days are 1-3, 6-10, 13, 14
    assertThat(onlyTaskAt(programme, "Task_DeliverIndicator").getDueDate()).isEqualTo(at("2026-07-14T16:00"));
  }

  // --- helpers ---

  private ProcessInstance requestProgramme(String semester) {
    Map<String, Object> form = new HashMap<>();
    form.put("semester", semester);
    form.put("requestedBy", "diego.director");
    return runtimeService.startProcessInstanceByKey("preventive-maintenance", form);
  }

  private ProcessInstance approvedProgramme() {
    ProcessInstance programme = requestProgramme("2026-S1");
    draft(programme, "MNT-01; 2026-02-09\nMNT-02; 2026-02-09\nMNT-03; 2026-02-09\nMNT-04; 2026-02-16\n"
        + "MNT-05; 2026-02-16");
    complete(programme, Map.of("programmeApproved", true));
    Jobs.runAsyncSteps(managementService, programme);
    return programme;
  }

  private ProcessInstance confirmedProgramme() {
    ProcessInstance programme = approvedProgramme();
    for (String department : List.of("operaciones", "juridico")) {
      taskService.complete(availabilityTask(programme, department).getId(),
          Map.of("availabilityAnswer", "available"));
    }
    assertThat(item(programme, "MNT-01").status()).isEqualTo(MaintenanceItem.CONFIRMED);
    return programme;
  }

  private static String draftedWeek(String draft, String tag) {
    return draft.lines().filter(line -> line.startsWith(tag + ";")).findFirst().orElseThrow().split(";")[1].trim();
  }

  private void draft(ProcessInstance programme, String text) {
    complete(programme, Map.of("programmeText", text));
  }

  private void startWeek(String monday) {
    ClockUtil.setCurrentTime(at(monday + "T08:00"));
    runtimeService.createProcessInstanceQuery().processDefinitionKey("preventive-maintenance").list()
        .forEach(this::fireDueTimers);
  }

  /** Executes the timers due by now one at a time, as the job executor would (one may cancel another). */
  private void fireDueTimers(ProcessInstance programme) {
    for (int fired = 0; fired < 20; fired++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(programme.getId()).timers()
          .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1000)).orderByJobDuedate().asc().list();
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get(0).getId());
    }
    throw new AssertionError("timers did not settle");
  }

  private Map<String, Object> checklist(boolean ticked, String notDone) {
    Map<String, Object> form = new HashMap<>();
    for (String box : List.of("cleaningDone", "coolingChecked", "upsChecked", "networkChecked", "softwareUpdated")) {
      form.put(box, ticked);
    }
    form.put("notDoneItems", notDone);
    form.put("maintenanceNotes", "");
    return form;
  }

  private List<Task> availabilityTasks(ProcessInstance programme) {
    return taskService.createTaskQuery().processInstanceId(programme.getId())
        .taskDefinitionKey("Task_ConfirmAvailability").list();
  }

  private Task availabilityTask(ProcessInstance programme, String department) {
    Task found = availabilityTasks(programme).stream()
        .filter(task -> department.equals(taskService.getVariable(task.getId(), "department")))
        .findFirst().orElseThrow(() -> new AssertionError("no availability task for " + department));
    Jobs.assertCandidateGroup(taskService, found, "jefes-proceso");
    return found;
  }

  private Task onlyTaskAt(ProcessInstance programme, String activityId) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(programme.getId())
        .taskDefinitionKey(activityId).list();
    assertThat(tasks).as("open tasks at " + activityId).hasSize(1);
    return tasks.get(0);
  }

  private Task task(ProcessInstance programme) {
    return Jobs.onlyTask(taskService, programme);
  }

  private void complete(ProcessInstance programme, Map<String, Object> variables) {
    taskService.complete(task(programme).getId(), variables);
  }

  private Long programmeId(ProcessInstance programme) {
    return ((Number) runtimeService.getVariable(programme.getId(), "programmeId")).longValue();
  }

  private MaintenanceItem item(ProcessInstance programme, String tag) {
    return programmes.allItems(programmeId(programme)).stream().filter(item -> item.assetTag().equals(tag))
        .findFirst().orElseThrow();
  }

  private String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void unit(String tag, String department, String status) {
    jdbc.sql("DELETE FROM asset WHERE asset_tag = :tag").param("tag", tag).update();
    jdbc.sql("""
        INSERT INTO asset (asset_tag, equipment_type, brand, model, department, location, ownership, status)
        VALUES (:tag, 'desktop', 'Dell', 'OptiPlex 7010', :department, 'Sede central', 'owned', :status)
        """).param("tag", tag).param("department", department).param("status", status).update();
  }
}
