package org.mesadeayuda.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mesadeayuda.OfficeTime.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
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
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/data-centre-backup.bpmn (BK-5): the Friday timer opens the week's run, the technician records it in the
 * security register (DIACO-IN-FO-06), a failed or missed run alerts the head of the Technology Directorate. Each test
 * fires the timer in its own week, since a week has one run.
 */
@MesaSpringTest
class DataCentreBackupProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final ZoneId GUATEMALA = OfficeTime.ZONE;
  static final String TECHNOLOGY_HEAD = "direccion-tecnologia@institucion.gob";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired SecurityRegisterRepository register;

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
  void theTimerIsDueOnFridayAtThreeInTheAfternoonOfficeTime() {
    ZonedDateTime due = weeklyTimer().getDuedate().toInstant().atZone(GUATEMALA);
    assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(15, 0));
  }

  @Test
  void aSuccessfulRunIsRecordedInTheSecurityRegister() {
    ProcessInstance run = fireWeeklyTimer("2026-12-04T15:00", "RS-2026-W49");
    assertThat(run).isWaitingAt("Task_RunBackup");
    Task task = task(run);
    Jobs.assertCandidateGroup(taskService, task, "tecnicos");
    assertThat(task.getDueDate()).isEqualTo(at("2026-12-11T15:00"));
    assertThat(register.findByRunCode("RS-2026-W49").orElseThrow().status()).isEqualTo("pending");

    // a run that left out the website is not "correct": the technician records it as failed instead
    String taskId = task.getId();
    Map<String, Object> withoutWebsite = new HashMap<>(successfulRun());
    withoutWebsite.put("websiteBackedUp", false);
    assertThatThrownBy(() -> taskService.complete(taskId, withoutWebsite))
        .hasRootCauseInstanceOf(InvalidInputException.class);

    taskService.setAssignee(taskId, "tomas.tecnico");
    complete(run, successfulRun());
    assertThat(run).isEnded().hasPassed("EndEvent_RunRecorded");
    SecurityRegisterEntry entry = register.findByRunCode("RS-2026-W49").orElseThrow();
    assertThat(entry.status()).isEqualTo("ok");
    assertThat(entry.databasesBackedUp()).isTrue();
    assertThat(entry.websiteBackedUp()).isTrue();
    assertThat(entry.medium()).isEqualTo("external_disk");
    assertThat(entry.mediumLabel()).isEqualTo("DISCO-DC-02");
    assertThat(entry.performedBy()).isEqualTo("tomas.tecnico");
    assertThat(entry.overdue()).isFalse();
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aFailedRunNeedsItsReasonAndAlertsTheTechnologyDirector() throws Exception {
    ProcessInstance run = fireWeeklyTimer("2026-12-11T15:00", "RS-2026-W50");
    String taskId = task(run).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("runResult", "failed")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("motivo");

    complete(run, Map.of("runResult", "failed", "databasesBackedUp", true, "websiteBackedUp", false,
        "failureReason", "La consola del servidor web no respondió"));
    assertThat(run).isEnded().hasPassed("Task_AlertFailedRun", "EndEvent_RunFailed");
    assertThat(register.findByRunCode("RS-2026-W50").orElseThrow().failureReason())
        .isEqualTo("La consola del servidor web no respondió");
    var alert = Jobs.message(mail.getReceivedMessages(), "FALLÓ el respaldo semanal del centro de datos — RS-2026-W50");
    assertThat(alert.getAllRecipients()[0].toString()).isEqualTo(TECHNOLOGY_HEAD);
    assertThat((String) alert.getContent()).contains("Motivo: La consola del servidor web no respondió");
  }

  @Test
  void aWeekWithoutARecordedRunAlertsTheTechnologyDirectorAndTheTaskStays() throws Exception {
    ProcessInstance run = fireWeeklyTimer("2026-12-18T15:00", "RS-2026-W51");
    ClockUtil.setCurrentTime(at("2026-12-25T15:01"));
    for (Job overdue : managementService.createJobQuery().processInstanceId(run.getId()).timers().executable()
        .list()) {
      managementService.executeJob(overdue.getId());
    }
    Jobs.runAsyncSteps(managementService, run);
    assertThat(run).hasPassed("Task_AlertMissedRun").isWaitingAt("Task_RunBackup");
    assertThat(register.findByRunCode("RS-2026-W51").orElseThrow().overdue()).isTrue();
    var alert = Jobs.message(mail.getReceivedMessages(), "Respaldo semanal del centro de datos sin registrar");
    assertThat(alert.getAllRecipients()[0].toString()).isEqualTo(TECHNOLOGY_HEAD);

    // done late, it is still recorded, and stays marked late
    complete(run, successfulRun());
    assertThat(run).isEnded();
    SecurityRegisterEntry entry = register.findByRunCode("RS-2026-W51").orElseThrow();
    assertThat(entry.status()).isEqualTo("ok");
    assertThat(entry.overdue()).isTrue();
  }

  // --- helpers ---

  private Job weeklyTimer() {
    return managementService.createJobQuery().processDefinitionKey("data-centre-backup")
        .activityId("StartEvent_WeeklyBackupDue").timers().singleResult();
  }

  /** Fires the Friday timer as the job executor would at that moment, and returns the week's run. */
  private ProcessInstance fireWeeklyTimer(String moment, String runCode) {
    ClockUtil.setCurrentTime(at(moment));
    managementService.executeJob(weeklyTimer().getId());
    managementService.createJobQuery().processDefinitionKey("data-centre-backup").messages().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    ProcessInstance run = runtimeService.createProcessInstanceQuery().processDefinitionKey("data-centre-backup")
        .processInstanceBusinessKey(runCode).singleResult();
    assertThat(run).isNotNull();
    return run;
  }

  private static Map<String, Object> successfulRun() {
    return Map.of("runResult", "ok", "databasesBackedUp", true, "websiteBackedUp", true,
        "runMedium", "external_disk", "mediumLabel", "DISCO-DC-02");
  }

  private void complete(ProcessInstance run, Map<String, Object> variables) {
    taskService.complete(task(run).getId(), variables);
    Jobs.runAsyncSteps(managementService, run);
  }

  private Task task(ProcessInstance run) {
    return Jobs.onlyTask(taskService, run);
  }
}
