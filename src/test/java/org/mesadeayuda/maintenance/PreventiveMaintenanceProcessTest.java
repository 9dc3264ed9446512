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
import org.mesadeayuda.PdfText;
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

    // the draft is in the register: every unit in service, none before two weeks from now, none retired
    Long programmeId = programmeId(programme);
    List<MaintenanceItem> draft = programmes.allItems(programmeId);
    assertThat(draft).extracting(MaintenanceItem::assetTag).contains("MNT-01", "MNT-03", "MNT-04")
        .doesNotContain("MNT-99");
    assertThat(draft).allMatch(item -> !item.plannedWeek().isBefore(LocalDate.parse("2026-01-19")));
    // each department in a week of its own
    assertThat(item(programme, "MNT-01").plannedWeek()).isEqualTo(item(programme, "MNT-02").plannedWeek())
        .isNotEqualTo(item(programme, "MNT-04").plannedWeek());
    // the forms read a JSON table per week and department, not a text that grows with the inventory
    assertThat(runtimeService.getVariableTyped(programme.getId(), "programmePlan").getType().getName())
        .isEqualTo("json");
    assertThat(runtimeService.getVariable(programme.getId(), "programmePlan").toString())
        .contains("\"department\":\"Operaciones\"", "MNT-01");

    // the head of IT writes only changes; all problems at once, nothing saved
    assertThatThrownBy(() -> complete(programme, Map.of("programmeEdits",
        "MNT-99; 2026-02-09\nMNT-77; quitar\nMNT-02; 2026-08-03\nMNT-04; el lunes\nMNT-01; 2025-12-29\n"
            + "2026-03-02; 2026-03-09; contabilidad")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Línea 1: el equipo «MNT-99» no está en servicio en el inventario.")
        .hasMessageContaining("Línea 2: el equipo «MNT-77» no está en el programa.")
        .hasMessageContaining("Línea 3: la semana del 3 de agosto de 2026 no es del primer semestre de 2026")
        .hasMessageContaining("Línea 4: escriba la semana como AAAA-MM-DD")
        .hasMessageContaining("Línea 5: la semana del 29 de diciembre de 2025 ya pasó.")
        .hasMessageContaining("Línea 6: no hay un departamento «contabilidad».");
    assertThat(programme).isWaitingAt("Task_DraftProgramme");
    assertThat(programmes.allItems(programmeId)).hasSameSizeAs(draft);

    complete(programme, Map.of("programmeEdits", removeOthers(programme, "MNT-01", "MNT-04")
        + "MNT-01; 2026-02-11\nMNT-04; 2026-02-16"));
    assertThat(programme).isWaitingAt("Task_ApproveProgramme");
    Jobs.assertCandidateGroup(taskService, task(programme), "directores-area");
    assertThat(runtimeService.getVariable(programme.getId(), "programmeEdits")).as("applied, then cleared").isNull();
    assertThat(item(programme, "MNT-01").plannedWeek()).isEqualTo(LocalDate.parse("2026-02-09"));
    assertThat(item(programme, "MNT-01").originalWeek()).as("a draft change is not a reprogramming")
        .isEqualTo(LocalDate.parse("2026-02-09"));
    assertThat(runtimeService.getVariable(programme.getId(), "programmeSummary")).isEqualTo(
        "2 equipos de 2 departamentos, de la semana del 9 de febrero de 2026 a la semana del 16 de febrero de 2026.");

    assertThatThrownBy(() -> complete(programme, Map.of("programmeApproved", false)))
        .hasMessageContaining("Indique qué debe corregirse");
    complete(programme, Map.of("programmeApproved", false, "approvalComments", "Falta el equipo de recepción."));
    assertThat(programme).isWaitingAt("Task_DraftProgramme");
    MaintenanceProgramme returned = programmes.programme(Semester.parse("2026-S1").orElseThrow()).orElseThrow();
    assertThat(returned.rejections()).isEqualTo(1);
    assertThat(returned.status()).isEqualTo(MaintenanceProgramme.DRAFTING);

    // back from the direction: a unit taken out comes back in, a whole week moves
    complete(programme, Map.of("programmeEdits", "MNT-02; 2026-02-23\n2026-02-23; 2026-02-09"));
    assertThat(programmes.allItems(programmeId)).extracting(MaintenanceItem::assetTag, MaintenanceItem::plannedWeek)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("MNT-01", LocalDate.parse("2026-02-09")),
            org.assertj.core.groups.Tuple.tuple("MNT-02", LocalDate.parse("2026-02-09")),
            org.assertj.core.groups.Tuple.tuple("MNT-04", LocalDate.parse("2026-02-16")));
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
    assertThat(programmes.allItems(programmeId)).as("the cancelled draft is discarded for a new proposal")
        .extracting(MaintenanceItem::assetTag).contains("MNT-02", "MNT-05");
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
    // no head named for Asesoría Jurídica: the task waits in the Technology Directorate; Operaciones' goes to its head
    assertThat(legal.getAssignee()).isNull();
    assertThat(availabilityTask(programme, "operaciones").getAssignee()).isEqualTo("julia.jefa");
    // several tasks of one programme read apart in Tasklist
    assertThat(legal.getName()).isEqualTo("Confirmar disponibilidad de equipos: Asesoría Jurídica — MP-2026-S1");
    assertThat(taskService.getVariable(legal.getId(), "departmentPlan").toString())
        .contains("MNT-04, MNT-05", "(2026-02-16)");
    taskService.complete(legal.getId(), Map.of("availabilityAnswer", "available"));

    Task operations = availabilityTask(programme, "operaciones");
    assertThatThrownBy(() -> taskService.complete(operations.getId(), Map.of("availabilityAnswer", "reprogram",
        "reprogramRequests", "MNT-04; 2026-03-02; no es nuestro\nMNT-01; 2026-03-02")))
        .hasMessageContaining("Línea 1: el equipo «MNT-04» no está programado para Operaciones")
        .hasMessageContaining("Línea 2: indique el motivo");
    // only into a week still ahead: not this week, not a past one
    assertThatThrownBy(() -> taskService.complete(operations.getId(), Map.of("availabilityAnswer", "reprogram",
        "reprogramRequests", "MNT-01; 2026-01-07; inventario")))
        .hasMessageContaining("Línea 1: la semana del 5 de enero de 2026 ya empezó o pasó");
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
    assertThat(taskService.getVariable(again.getId(), "departmentPlan").toString())
        .contains("\"units\":1,\"assetTags\":\"MNT-01\"", "(2026-03-09)");
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

    // execution waits for each week of each department, from this week (5 January, so that a unit can be moved to
    // any week ahead) to the end of the semester (29 June): 26 weeks; each department may still ask for changes
    assertThat(programme).isWaitingAt("Event_BatchWeekStarts");
    assertThat(runtimeService.createExecutionQuery().processInstanceId(programme.getId())
        .activityId("Event_BatchWeekStarts").count()).isEqualTo(2 * 26);
    assertThat(taskService.createTaskQuery().processInstanceId(programme.getId())
        .taskDefinitionKey("Task_RequestReprogramming").count()).isEqualTo(2);
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
    // the programme runs to its last week (a unit could still be moved into a week ahead)
    startWeek("2026-06-29");
    Jobs.runAsyncSteps(managementService, programme);

    assertThat(programme).isWaitingAt("Task_DeliverIndicator");
    assertThat(runtimeService.getVariable(programme.getId(), "compliancePercent")).isEqualTo(60.0);
    assertThat(runtimeService.getVariable(programme.getId(), "complianceMet")).isEqualTo(false);
    assertThat((String) runtimeService.getVariable(programme.getId(), "indicatorSummary"))
        .contains("**Equipos programados:** 5 · **Con mantenimiento:** 3 · **No realizados:** 2");
    assertThat(runtimeService.getVariable(programme.getId(), "indicatorByDepartment").toString())
        .contains("{\"department\":\"Operaciones\",\"programmed\":3,\"maintained\":1,\"notDone\":2,\"reprogrammed\":0}");
    assertThat(item(programme, "MNT-01").cleaningDone()).isTrue();
    assertThat(item(programme, "MNT-01").technician()).isEqualTo("tomas.tecnico");

    // closed in June: due by the 10th business day of July 2026 (1-3, 6-10, 13, 14)
    Task deliver = onlyTaskAt(programme, "Task_DeliverIndicator");
    assertThat(deliver.getDueDate()).isEqualTo(at("2026-07-14T16:00"));
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
    assertThat(PdfText.body(report)).contains("Cumplimiento: 60,0 % (meta 80 %: no alcanzada)",
        "se coordinará con las jefaturas",
        "MNT-02 (Operaciones, semana del 9 de febrero de 2026): el usuario no entregó el equipo",
        "Indicador de mantenimiento MP-2026-S1.pdf");
    // PM-4 as a PDF (issue 18): the register's indicator, per department, the units not done and the analysis
    assertThat(PdfText.attachments(report)).singleElement().satisfies(pdf -> {
      assertThat(pdf.fileName()).isEqualTo("Indicador de mantenimiento MP-2026-S1.pdf");
      assertThat(PdfText.of(pdf.content())).contains("INDICADOR DE MANTENIMIENTO PREVENTIVO", "MP-2026-S1",
          "Institución pública", "60,0 %", "no alcanzada", "se coordinará con las jefaturas", "MNT-02",
          "el usuario no entregó el equipo", "diego.director",
          delivered.programmedCount() + " equipos programados", delivered.maintainedCount() + " con mantenimiento");
      PdfText.renderPages(pdf.content(), "maintenance-indicator");
    });
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
    startWeek("2026-06-29");
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

  // --- heads per department and reprogramming during the execution (PM-2, PM-3) ---

  @Test
  void aHeadAnswersOnlyForHerDepartmentAndOneWithoutHeadGoesToTheTechnologyDirectorate() {
    ProcessInstance programme = approvedProgramme();
    Task operations = availabilityTask(programme, "operaciones");
    Task legal = availabilityTask(programme, "juridico");
    // no head sees another department's task: jefes-proceso is on none of them
    for (Task task : List.of(operations, legal)) {
      assertThat(taskService.getIdentityLinksForTask(task.getId())).noneMatch(link -> "jefes-proceso".equals(
          link.getGroupId()));
    }
    // the desk hands Operaciones' task to another head: the engine refuses her answer, the task stays
    taskService.setAssignee(operations.getId(), "otra.jefa");
    assertThatThrownBy(() -> taskService.complete(operations.getId(), Map.of("availabilityAnswer", "available")))
        .hasMessageContaining("Solo la jefatura de Operaciones (julia.jefa) responde por la disponibilidad");
    assertThat(taskService.createTaskQuery().taskId(operations.getId()).count()).isEqualTo(1);
    taskService.setAssignee(operations.getId(), "julia.jefa");
    taskService.complete(operations.getId(), Map.of("availabilityAnswer", "available"));
    taskService.complete(legal.getId(), Map.of("availabilityAnswer", "available"));
    assertThat(programme).isWaitingAt("Event_BatchWeekStarts");
  }

  @Test
  void duringTheExecutionAHeadMovesUnitsOnlyIntoWeeksAheadAndEveryMoveIsRecorded() {
    ProcessInstance programme = confirmedProgramme();
    startWeek("2026-02-09");
    Task batch = onlyTaskAt(programme, "Task_PerformMaintenance");
    assertThat(taskService.getVariable(batch.getId(), "batchUnits").toString())
        .contains("MNT-01", "MNT-02", "MNT-03");

    // after the availability round, each department's request task stays open (001 §6.1)
    Task request = changeTask(programme, "operaciones");
    assertThat(request.getAssignee()).isEqualTo("julia.jefa");
    assertThat(changeTask(programme, "juridico").getAssignee()).isNull();
    assertThatThrownBy(() -> taskService.complete(request.getId(), Map.of("reprogramRequests",
        "MNT-02; 2026-02-11; hoy no\nMNT-02; 2026-07-06; vacaciones\nMNT-04; 2026-03-02; no es nuestro")))
        .hasMessageContaining("Línea 1: la semana del 9 de febrero de 2026 ya empezó o pasó")
        .hasMessageContaining("Línea 2: la semana del 6 de julio de 2026 no es del primer semestre de 2026")
        .hasMessageContaining("Línea 3: el equipo «MNT-04» no está programado para Operaciones");
    taskService.complete(request.getId(), Map.of("reprogramRequests", "MNT-02; 2026-03-02; equipo en auditoría"));

    Task decide = onlyTaskAt(programme, "Task_ReprogramDuringExecution");
    Jobs.assertCandidateGroup(taskService, decide, "director-ti");
    taskService.claim(decide.getId(), "diego.director");
    assertThatThrownBy(() -> taskService.complete(decide.getId(), Map.of("reprogramDecision", "MNT-02; 2026-02-02")))
        .hasMessageContaining("ya empezó o pasó");
    taskService.complete(decide.getId(), Map.of("reprogramDecision", "MNT-02; 2026-03-02"));

    // recorded (DIACO-IN-FO-03); the week under way no longer lists it; the request task is open again
    assertThat(programmes.reprogrammings(programmeId(programme))).singleElement().satisfies(move -> {
      assertThat(move.assetTag()).isEqualTo("MNT-02");
      assertThat(move.originalWeek()).isEqualTo(LocalDate.parse("2026-02-09"));
      assertThat(move.newWeek()).isEqualTo(LocalDate.parse("2026-03-02"));
      assertThat(move.requestedBy()).isEqualTo("julia.jefa");
      assertThat(move.recordedBy()).isEqualTo("diego.director");
    });
    assertThat(taskService.getVariable(batch.getId(), "batchUnits").toString()).contains("MNT-01")
        .doesNotContain("MNT-02");
    assertThat(changeTask(programme, "operaciones").getId()).isNotEqualTo(request.getId());

    taskService.complete(batch.getId(), checklist(true, ""));
    assertThat(item(programme, "MNT-02").status()).isEqualTo(MaintenanceItem.PLANNED);
    startWeek("2026-03-02");
    Task moved = taskService.createTaskQuery().processInstanceId(programme.getId())
        .taskDefinitionKey("Task_PerformMaintenance").taskNameLike("%Operaciones — semana del 2 de marzo de 2026%")
        .singleResult();
    assertThat(taskService.getVariable(moved.getId(), "batchUnits").toString()).contains("MNT-02")
        .doesNotContain("MNT-01");
  }

  @Test
  void aProgrammeApprovedBeforeItsSemesterWaitsForItsWeeks() {
    ClockUtil.setCurrentTime(at("2026-06-15T09:00"));
    ProcessInstance programme = requestProgramme("2026-S2");
    draft(programme, "MNT-01; 2026-07-13\nMNT-04; 2026-07-20");
    complete(programme, Map.of("programmeApproved", true));
    Jobs.runAsyncSteps(managementService, programme);
    for (String department : List.of("operaciones", "juridico")) {
      taskService.complete(availabilityTask(programme, department).getId(), Map.of("availabilityAnswer", "available"));
    }
    // a batch per department and week of the second semester (29 June, whose Wednesday is 1 July, to 28 December)
    assertThat(programme).isWaitingAt("Event_BatchWeekStarts");
    assertThat(runtimeService.createExecutionQuery().processInstanceId(programme.getId())
        .activityId("Event_BatchWeekStarts").count()).isEqualTo(2 * 27);
    assertThat(changeTask(programme, "operaciones").getAssignee()).isEqualTo("julia.jefa");
  }

  @Test
  void batchesStartAtTheSemestersFirstWeekWithWorkDays() {
    // 1 January 2028 is a Saturday: the week of 27 December 2027 has no work day of the semester
    MaintenanceProgramme programme = programmes.open(new Semester(2028, 1), null);
    programmes.replaceItems(programme.id(), "MNT-01; 2028-02-07", "diego.director");
    assertThat(programmes.batches(programme.id())).first().isEqualTo(programme.id() + ":2028-01-03:operaciones");
    assertThat(programmes.batches(programme.id())).last().isEqualTo(programme.id() + ":2028-06-26:operaciones");
  }

  // --- a real institution's size (issue 14) ---

  @Test
  void aThousandUnitsInServiceAreProgrammedApprovedReprogrammedAndClosed() throws Exception {
    List<String> departments = List.of("administracion", "direccion-general", "juridico", "operaciones",
        "recursos-humanos", "tecnologia");
    try {
      for (int n = 1; n <= 1000; n++) {
        unit(String.format("MIL-%04d", n), departments.get(n % departments.size()), "in_service");
      }
      ProcessInstance programme = requestProgramme("2026-S1");
      Long programmeId = programmeId(programme);
      assertThat(programmes.allItems(programmeId).stream().filter(item -> item.assetTag().startsWith("MIL-")))
          .hasSize(1000);
      assertNoGrowingText(programme);

      // the head of IT keeps the 1,000 units, takes the rest out, moves one unit and one department's week
      MaintenanceItem first = programmes.allItems(programmeId).stream().filter(item -> item.assetTag().startsWith(
          "MIL-")).min(java.util.Comparator.comparing(MaintenanceItem::plannedWeek)).orElseThrow();
      complete(programme, Map.of("programmeEdits", removeOthersThan(programme, "MIL-")
          + "MIL-0001; 2026-06-22\n" + first.plannedWeek() + "; 2026-01-26; " + first.department()));
      assertThat(runtimeService.getVariable(programme.getId(), "programmeSummary")).asString()
          .startsWith("1000 equipos de 6 departamentos");
      complete(programme, Map.of("programmeApproved", true));
      Jobs.runAsyncSteps(managementService, programme);
      assertThat(mail.getReceivedMessages()).hasSize(6);
      assertThat(availabilityTasks(programme)).hasSize(6);
      assertNoGrowingText(programme);

      // a whole week of Asesoría Jurídica moved at once, recorded unit by unit
      LocalDate legalWeek = programmes.allItems(programmeId).stream().filter(item -> item.department().equals(
          "juridico")).map(MaintenanceItem::plannedWeek).min(LocalDate::compareTo).orElseThrow();
      long inLegalWeek = programmes.allItems(programmeId).stream().filter(item -> item.department().equals("juridico")
          && item.plannedWeek().equals(legalWeek)).count();
      taskService.complete(availabilityTask(programme, "juridico").getId(), Map.of("availabilityAnswer", "reprogram",
          "reprogramRequests", legalWeek + "; 2026-06-15; cierre fiscal"));
      Task decide = onlyTaskAt(programme, "Task_ReprogramMaintenance");
      assertThat(taskService.getVariable(decide.getId(), "reprogramDecision")).isEqualTo(legalWeek + "; 2026-06-15\n");
      taskService.complete(decide.getId(), Map.of("reprogramDecision", legalWeek + "; 2026-06-15"));
      assertThat(programmes.reprogrammings(programmeId)).hasSize((int) inLegalWeek);
      for (Task task : availabilityTasks(programme)) {
        taskService.complete(task.getId(), Map.of("availabilityAnswer", "available"));
      }
      assertThat(programme).isWaitingAt("Event_BatchWeekStarts");
      assertNoGrowingText(programme);

      // week by week the technicians record the batches; 201 units are not done: 799 / 1000 = 79.9 %
      int[] notDoneLeft = {201};
      for (LocalDate monday = LocalDate.parse("2026-01-19"); !monday.isAfter(LocalDate.parse("2026-06-29"));
          monday = monday.plusWeeks(1)) {
        if (monday.equals(LocalDate.parse("2026-03-02"))) {
          // during the execution Operaciones moves a unit of a week ahead
          MaintenanceItem ahead = programmes.allItems(programmeId).stream().filter(item -> item.department().equals(
              "operaciones") && item.plannedWeek().isAfter(LocalDate.parse("2026-03-09"))).findFirst().orElseThrow();
          ClockUtil.setCurrentTime(at("2026-02-27T10:00"));
          taskService.complete(changeTask(programme, "operaciones").getId(), Map.of("reprogramRequests",
              ahead.assetTag() + "; 2026-06-29; mudanza de oficina"));
          taskService.complete(onlyTaskAt(programme, "Task_ReprogramDuringExecution").getId(),
              Map.of("reprogramDecision", ahead.assetTag() + "; 2026-06-29"));
        }
        startWeek(monday.toString());
        for (Task task : taskService.createTaskQuery().processInstanceId(programme.getId())
            .taskDefinitionKey("Task_PerformMaintenance").list()) {
          StringBuilder notDone = new StringBuilder();
          for (String tag : batchTags(task)) {
            if (notDoneLeft[0] > 0 && notDone.length() < 3000) {
              notDone.append(tag).append("; equipo no entregado\n");
              notDoneLeft[0]--;
            }
          }
          taskService.complete(task.getId(), checklist(true, notDone.toString()));
        }
      }
      Jobs.runAsyncSteps(managementService, programme);

      assertThat(programme).isWaitingAt("Task_DeliverIndicator");
      assertThat(runtimeService.getVariable(programme.getId(), "programmedCount")).isEqualTo(1000);
      assertThat(runtimeService.getVariable(programme.getId(), "maintainedCount")).isEqualTo(799);
      assertThat(runtimeService.getVariable(programme.getId(), "complianceMet")).isEqualTo(false);
      assertThat((String) runtimeService.getVariable(programme.getId(), "indicatorSummary"))
          .contains("**Cumplimiento:** 79,9 % (meta 80 %: no alcanzada)");
      assertNoGrowingText(programme);
      Task deliver = onlyTaskAt(programme, "Task_DeliverIndicator");
      taskService.complete(deliver.getId(), Map.of("indicatorAnalysis", "201 equipos no se entregaron."));
      Jobs.runAsyncSteps(managementService, programme);
      assertThat(programme).isEnded();
      MimeMessage report = Jobs.message(mail.getReceivedMessages(), "MP-2026-S1: indicador de cumplimiento");
      assertThat(PdfText.body(report)).contains("No realizados: 201", "mudanza de oficina");
      String pdf = PdfText.of(PdfText.attachments(report).get(0).content());
      assertThat(pdf).contains("1000 equipos programados", "799 con mantenimiento", "201 no realizados", "79,9 %", "no alcanzada", "mudanza de oficina");
    } finally {
      jdbc.sql("DELETE FROM asset WHERE asset_tag LIKE 'MIL-%'").update();
    }
  }

  /**
   * No text variable of the case grows with the programme: every String is far below the engine's 4,000-character
   * column, and the lists (plan, department plan, batch units, indicator per department) are JSON.
   */
  private void assertNoGrowingText(ProcessInstance programme) {
    historyService.createHistoricVariableInstanceQuery().processInstanceId(programme.getId()).list()
        .forEach(variable -> {
          if (variable.getValue() instanceof String text) {
            assertThat(text.length()).as(variable.getName()).isLessThan(1000);
          }
        });
  }

  private List<String> batchTags(Task task) {
    var units = org.camunda.spin.Spin.JSON(taskService.getVariable(task.getId(), "batchUnits").toString());
    return units.elements().stream().map(unit -> unit.prop("assetTag").stringValue()).toList();
  }

  private String removeOthersThan(ProcessInstance programme, String prefix) {
    return programmes.allItems(programmeId(programme)).stream().map(MaintenanceItem::assetTag)
        .filter(tag -> !tag.startsWith(prefix)).map(tag -> tag + "; quitar\n")
        .collect(java.util.stream.Collectors.joining());
  }

  private Task changeTask(ProcessInstance programme, String department) {
    return taskService.createTaskQuery().processInstanceId(programme.getId())
        .taskDefinitionKey("Task_RequestReprogramming").list().stream()
        .filter(task -> department.equals(taskService.getVariable(task.getId(), "department")))
        .findFirst().orElseThrow(() -> new AssertionError("no change task for " + department));
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

  /** The programme's units set as a whole in the register (an import), then the draft task completed unchanged. */
  private void draft(ProcessInstance programme, String text) {
    programmes.replaceItems(programmeId(programme), text, "diego.director");
    complete(programme, Map.of());
  }

  /** Edits that take out of the draft every unit but these (other tests' inventories are in the register too). */
  private String removeOthers(ProcessInstance programme, String... kept) {
    List<String> keep = List.of(kept);
    return programmes.allItems(programmeId(programme)).stream().map(MaintenanceItem::assetTag)
        .filter(tag -> !keep.contains(tag)).map(tag -> tag + "; quitar\n").collect(java.util.stream.Collectors.joining());
  }

  private void startWeek(String monday) {
    ClockUtil.setCurrentTime(at(monday + "T08:00"));
    runtimeService.createProcessInstanceQuery().processDefinitionKey("preventive-maintenance").list()
        .forEach(this::fireDueTimers);
  }

  /** Executes the timers due by now one at a time, as the job executor would (one may cancel another). */
  private void fireDueTimers(ProcessInstance programme) {
    for (int fired = 0; fired < 2000; fired++) {
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
    assertHeadOrTechnologyDirectorate(found, department);
    return found;
  }

  /**
   * A department's task is its named head's alone (no group sees it); without a named head it goes to the Technology
   * Directorate, never to jefes-proceso (every head is in it).
   */
  private void assertHeadOrTechnologyDirectorate(Task task, String department) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
    if ("operaciones".equals(department)) {
      assertThat(task.getAssignee()).isEqualTo("julia.jefa");
      assertThat(groups).isEmpty();
    } else {
      assertThat(task.getAssignee()).isNull();
      assertThat(groups).containsExactly("director-ti");
    }
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
