package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: a finished case's engine history is deleted once its history time to live has passed, by the engine's
 * removal-time-based cleanup; the register row of the ticket stays (it is the institution's record, not history).
 */
@MesaSpringTest
class HistoryRetentionTest {

  // long before every other test's cases: the cleanup run below removes nothing of theirs
  static final Instant RECEIVED = Instant.parse("2024-01-08T15:00:00Z");

  // the ticket's e-mails are delivered as its steps commit, so none is left in the shared outbox for another test
  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aFinishedTicketsHistoryIsRemovedAfterItsTimeToLiveAndItsRegisterRowStays() {
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    ProcessInstance ticket = runtime.startProcessInstanceByKey("support-request", startForm());
    String number = ticket.getBusinessKey();
    for (int step = 0; step < 20 && !ended(ticket); step++) {
      Jobs.runAsyncSteps(management, ticket);
      Task task = tasks.createTaskQuery().processInstanceId(ticket.getId()).singleResult();
      if (task != null) {
        tasks.complete(task.getId(), form(task.getTaskDefinitionKey()));
      }
    }
    assertThat(ended(ticket)).as("the ticket went through its lifecycle").isTrue();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE state = 'pending' AND subject LIKE ?",
        Integer.class, "%" + number)).as("its e-mails have left").isZero();

    HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery().processInstanceId(ticket.getId())
        .singleResult();
    int days = repository.getProcessDefinition(finished.getProcessDefinitionId()).getHistoryTimeToLive();
    assertThat(finished.getRemovalTime()).isEqualTo(Date.from(finished.getEndTime().toInstant()
        .plus(Duration.ofDays(days))));
    assertThat(historyRows(ticket)).isPositive();

    ClockUtil.setCurrentTime(Date.from(finished.getRemovalTime().toInstant().minus(Duration.ofHours(1))));
    cleanUp();
    assertThat(historyRows(ticket)).as("kept until its removal time").isPositive();

    ClockUtil.setCurrentTime(Date.from(finished.getRemovalTime().toInstant().plus(Duration.ofHours(1))));
    cleanUp();
    assertThat(historyRows(ticket)).as("process, activity, task, variable, detail and decision history").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket WHERE ticket_number = ? AND closed_at IS NOT "
        + "NULL AND satisfaction IS NOT NULL", Integer.class, number)).as("the register row").isEqualTo(1);
  }

  @Test
  void theConfiguredTimeToLiveReplacesTheDiagramsOnEveryDeployedVersion() {
    String latest = repository.createProcessDefinitionQuery().processDefinitionKey("support-request").latestVersion()
        .singleResult().getId();
    Integer diagrams = repository.getProcessDefinition(latest).getHistoryTimeToLive();
    try {
      HistoryRetention institution = new HistoryRetention(new HistoryRetentionProperties(
          Map.of("support-request", Duration.ofDays(730), "request-priority", Duration.ofDays(730)), null));
      assertThat(institution.apply(context)).isGreaterThanOrEqualTo(2);
      assertThat(repository.getProcessDefinition(latest).getHistoryTimeToLive()).isEqualTo(730);
      assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("request-priority").list())
          .allSatisfy(decision -> assertThat(decision.getHistoryTimeToLive()).isEqualTo(730));
      assertThat(institution.apply(context)).as("nothing left to change").isZero();
    } finally {
      new HistoryRetention(new HistoryRetentionProperties(Map.of("support-request", Duration.ofDays(diagrams),
          "request-priority", Duration.ofDays(180)), null)).apply(context);
    }
  }

  @Test
  void theCleanupIsScheduledEveryNightInTheConfiguredWindow() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("20:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
    // without a window the engine schedules no cleanup at all: history would only be deleted by hand
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
  }

  @Test
  void aTimeToLiveIsWholeDays() {
    HistoryRetentionProperties properties = new HistoryRetentionProperties(Map.of("a", Duration.ofHours(36)),
        Duration.ofDays(90));
    assertThatThrownBy(() -> properties.days("a")).hasMessageContaining("whole days");
    assertThat(properties.days("b")).isEqualTo(90);
    assertThat(new HistoryRetentionProperties(Map.of(), null).days("b")).isNull();
  }

  private void cleanUp() {
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());
  }

  private long historyRows(ProcessInstance ticket) {
    long rows = 0;
    for (String table : new String[] {"ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
        "ACT_HI_DETAIL", "ACT_HI_DECINST"}) {
      rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ?", Long.class,
          ticket.getId());
    }
    return rows;
  }

  private boolean ended(ProcessInstance ticket) {
    return runtime.createProcessInstanceQuery().processInstanceId(ticket.getId()).count() == 0;
  }

  private static Map<String, Object> startForm() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Ana López");
    variables.put("requesterEmail", "ana.lopez@institucion.gob");
    variables.put("requesterPhone", "2222-1111 ext. 204");
    variables.put("department", "operaciones");
    variables.put("channel", "web");
    variables.put("requestType", "equipment_support");
    variables.put("description", "La computadora no enciende desde esta mañana");
    variables.put("assetTag", "INV-1001");
    variables.put("impact", "medium");
    variables.put("urgency", "medium");
    return variables;
  }

  private static Map<String, Object> form(String taskDefinitionKey) {
    return switch (taskDefinitionKey) {
      case "Task_ReviewAndAssign" -> Map.of("requestType", "equipment_support", "priority", "medium",
          "technician", "tomas.tecnico", "supportLevel", "2", "resourcesAvailable", "yes");
      case "Task_StartAttention" -> Map.of("firstContactChannel", "phone");
      case "Task_AttendRequest" -> Map.of("attentionMode", "on_site",
          "workDone", "Se reemplazó la fuente de poder y se verificó el arranque", "outcome", "solved");
      case "Task_CloseTicket" -> Map.of("closingDecision", "close", "deskComment", "Verificado con la solicitante");
      case "Task_RateService" -> Map.of("solutionVerified", "yes", "satisfaction", "conforme",
          "ratingComment", "Muy rápido");
      default -> throw new IllegalStateException("unexpected task " + taskDefinitionKey);
    };
  }
}
