package org.mesadeayuda.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mesadeayuda.OfficeTime.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.mesadeayuda.OfficeTime;
import org.mesadeayuda.TestMail;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/infrastructure-logbook.bpmn (PM-5, 004 actividad 9): the timer opens a round with one check per area due
 * that day, each check is recorded in the logbook with its readings, an incident alerts the head of the Technology
 * Directorate, and a round whose day closes with areas unrecorded marks them missed and alerts too.
 */
@MesaSpringTest
class InfrastructureLogbookProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String TECHNOLOGY_HEAD = "direccion-tecnologia@institucion.gob";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired LogbookEntryRepository entries;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    mail.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRoundOpensOnWeekdaysAtEightOfficeTime() {
    ZonedDateTime due = roundTimer().getDuedate().toInstant().atZone(OfficeTime.ZONE);
    assertThat(due.getDayOfWeek()).isBetween(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
  }

  @Test
  void aMondayRoundChecksEveryAreaRecordsReadingsAndAlertsAnIncident() throws Exception {
    ProcessInstance round = fireRoundTimer("2026-11-23T08:00"); // a Monday: the weekly areas too
    List<Task> checks = taskService.createTaskQuery().processInstanceId(round.getId()).list();
    assertThat(checks).hasSize(6);
    for (Task check : checks) {
      Jobs.assertCandidateGroup(taskService, check, "tecnicos");
      assertThat(check.getDueDate()).isEqualTo(at("2026-11-23T16:00"));
    }
    assertThat(entries.findByRoundCodeOrderByIdAsc(round.getBusinessKey())).extracting(LogbookEntry::area)
        .containsExactly("email-directory", "cooling", "ups", "ip-telephony", "security-systems", "networks");
    assertThat(entries.findByRoundCodeOrderByIdAsc(round.getBusinessKey())).allMatch(e -> "pending".equals(e.status()));

    // the UPS check needs its readings, and a battery below the limit is not "ok"
    Task ups = check(round, "ups");
    assertRefused(ups, Map.of("checkStatus", "ok"), "carga de la UPS");
    assertRefused(ups, Map.of("checkStatus", "ok", "upsLoadPercent", 35, "upsBatteryPercent", 40), "Registre un incidente");
    taskService.complete(ups.getId(), Map.of("checkStatus", "ok", "upsLoadPercent", 35, "upsBatteryPercent", 98));

    // the data room is too warm: an incident, with its description, alerts the head of the Technology Directorate
    Task cooling = check(round, "cooling");
    assertRefused(cooling, Map.of("checkStatus", "ok", "roomTemperature", 29.5), "temperatura");
    assertRefused(cooling, Map.of("checkStatus", "incident", "roomTemperature", 29.5), "Describa el incidente");
    taskService.complete(cooling.getId(), Map.of("checkStatus", "incident", "roomTemperature", 29.5,
        "incidentDescription", "El aire acondicionado 2 no enfría"));
    Jobs.runAsyncSteps(managementService, round);
    var alert = Jobs.message(mail.getReceivedMessages(), "Incidente en la bitácora de infraestructura — Sistema de "
        + "refrigeración");
    assertThat(alert.getAllRecipients()[0].toString()).isEqualTo(TECHNOLOGY_HEAD);
    assertThat((String) alert.getContent()).contains("El aire acondicionado 2 no enfría").contains("29.5 °C");

    // each area's check keeps its own values: the incident does not show in the next area's task
    Task email = check(round, "email-directory");
    assertThat(taskService.getVariable(email.getId(), "incidentDescription")).isNull();
    assertThat(taskService.getVariable(email.getId(), "areaLabel"))
        .isEqualTo("Correo electrónico institucional y directorio activo");
    for (String area : List.of("email-directory", "ip-telephony", "security-systems", "networks")) {
      taskService.setAssignee(check(round, area).getId(), "tomas.tecnico");
      taskService.complete(check(round, area).getId(), Map.of("checkStatus", "ok", "observations", "Sin novedad"));
    }
    Jobs.runAsyncSteps(managementService, round);

    assertThat(round).isEnded().hasPassed("EndEvent_RoundRecorded");
    Map<String, LogbookEntry> byArea = new HashMap<>();
    entries.findByRoundCodeOrderByIdAsc(round.getBusinessKey()).forEach(e -> byArea.put(e.area(), e));
    assertThat(byArea.get("ups").status()).isEqualTo("ok");
    assertThat(byArea.get("ups").upsLoadPercent()).isEqualTo(35);
    assertThat(byArea.get("ups").upsBatteryPercent()).isEqualTo(98);
    assertThat(byArea.get("cooling").status()).isEqualTo("incident");
    assertThat(byArea.get("cooling").roomTemperature()).isEqualByComparingTo(new BigDecimal("29.5"));
    assertThat(byArea.get("cooling").incidentDescription()).isEqualTo("El aire acondicionado 2 no enfría");
    assertThat(byArea.get("networks").recordedBy()).isEqualTo("tomas.tecnico");
    assertThat(byArea.get("networks").observations()).isEqualTo("Sin novedad");
  }

  @Test
  void aRoundWhoseDayClosesWithAreasUnrecordedMarksThemMissedAndAlerts() throws Exception {
    ProcessInstance round = fireRoundTimer("2026-11-24T08:00"); // a Tuesday: only the daily areas
    assertThat(taskService.createTaskQuery().processInstanceId(round.getId()).count()).isEqualTo(4);
    taskService.complete(check(round, "ups").getId(), Map.of("checkStatus", "ok", "upsLoadPercent", 40,
        "upsBatteryPercent", 100));
    taskService.complete(check(round, "cooling").getId(), Map.of("checkStatus", "ok", "roomTemperature", 21));

    ClockUtil.setCurrentTime(at("2026-11-24T16:01"));
    Job windowClosed = managementService.createJobQuery().processInstanceId(round.getId()).timers().singleResult();
    assertThat(windowClosed.getDuedate()).isEqualTo(at("2026-11-24T16:00"));
    managementService.executeJob(windowClosed.getId());
    Jobs.runAsyncSteps(managementService, round);

    assertThat(round).isEnded().hasPassed("Task_FlagMissedChecks", "EndEvent_RoundIncomplete");
    assertThat(taskService.createTaskQuery().processInstanceId(round.getId()).count()).isZero();
    Map<String, String> statusByArea = new HashMap<>();
    entries.findByRoundCodeOrderByIdAsc(round.getBusinessKey()).forEach(e -> statusByArea.put(e.area(), e.status()));
    assertThat(statusByArea).containsExactlyInAnyOrderEntriesOf(Map.of("ups", "ok", "cooling", "ok",
        "email-directory", "missed", "networks", "missed"));
    var alert = Jobs.message(mail.getReceivedMessages(), "Bitácoras sin registrar — ronda " + round.getBusinessKey());
    assertThat(alert.getAllRecipients()[0].toString()).isEqualTo(TECHNOLOGY_HEAD);
    assertThat((String) alert.getContent()).contains("- Correo electrónico institucional y directorio activo")
        .contains("- Infraestructura de redes y comunicaciones").doesNotContain("UPS");
  }

  // --- helpers ---

  private Job roundTimer() {
    return managementService.createJobQuery().processDefinitionKey("infrastructure-logbook")
        .activityId("StartEvent_RoundDue").timers().singleResult();
  }

  /** Fires the round's timer as the job executor would at that moment, and returns the round. */
  private ProcessInstance fireRoundTimer(String moment) {
    ClockUtil.setCurrentTime(at(moment));
    List<String> before = runtimeService.createProcessInstanceQuery().processDefinitionKey("infrastructure-logbook")
        .list().stream().map(ProcessInstance::getId).toList();
    managementService.executeJob(roundTimer().getId());
    ProcessInstance round = runtimeService.createProcessInstanceQuery().processDefinitionKey("infrastructure-logbook")
        .list().stream().filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
    Jobs.runAsyncSteps(managementService, round);
    round = runtimeService.createProcessInstanceQuery().processInstanceId(round.getId()).singleResult();
    assertThat(round.getBusinessKey()).matches("BIT-2026-\\d{6}");
    return round;
  }

  private Task check(ProcessInstance round, String area) {
    return taskService.createTaskQuery().processInstanceId(round.getId()).list().stream()
        .filter(task -> area.equals(taskService.getVariable(task.getId(), "area"))).findFirst().orElseThrow();
  }

  private void assertRefused(Task task, Map<String, Object> variables, String reason) {
    assertThatThrownBy(() -> taskService.complete(task.getId(), variables))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining(reason);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }
}
