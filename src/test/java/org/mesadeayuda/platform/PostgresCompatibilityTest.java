package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.support.TicketRegister;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Production runs on PostgreSQL: our Flyway migrations, the engine with every deployed file, and the ticket numbers
 * must work there exactly as on H2. A real PostgreSQL server is started inside the test JVM (no setup by hand).
 */
class PostgresCompatibilityTest {

  static EmbeddedPostgres postgres;
  static DataSource dataSource;
  static ProcessEngine engine;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30)).start();
    dataSource = postgres.getPostgresDatabase();
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("postgres-compatibility");
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (engine != null) {
      engine.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void flywayMigrationsRunOnPostgresNextToTheEngineTables() {
    MigrateResult result = flyway().migrate();
    assertThat(result.success).isTrue();
    assertThat(flyway().info().pending()).isEmpty();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ticket_counter", Integer.class)).isNotNull();
  }

  @Test
  void everyProcessDecisionAndFormDeploysOnPostgres() throws IOException {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("postgres-compatibility");
    Resource[] resources = allModelFiles();
    for (Resource resource : resources) {
      try (InputStream content = resource.getInputStream()) {
        deployment.addInputStream(resource.getFilename(), content);
      }
    }
    String deploymentId = deployment.deploy().getId();
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(deploymentId)).hasSize(resources.length);
    long bpmnFiles = java.util.Arrays.stream(resources).filter(r -> r.getFilename().endsWith(".bpmn")).count();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).count())
        .isEqualTo(bpmnFiles);
  }

  @Test
  void engineRunsTasksAsyncJobsAndTimersOnPostgres() {
    BpmnModelInstance smoke = Bpmn.createExecutableProcess("postgres-smoke")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Check").name("Revisar")
        .serviceTask("Task_Record").camundaAsyncBefore().camundaExpression("${execution.setVariable('recorded', true)}")
        .intermediateCatchEvent("Event_Wait").timerWithDuration("PT1H")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("postgres-smoke.bpmn", smoke).deploy();

    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("postgres-smoke", "SOP-2026-000001", Map.of("requester", "ana"));
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    engine.getTaskService().complete(taskId);
    executeOnlyJob(instance);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(2).toMillis()));
    executeOnlyJob(instance);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("recorded").singleResult().getValue()).isEqualTo(true);
  }

  @Test
  void ticketNumbersAreUniqueUnderConcurrencyOnPostgres() throws Exception {
    flyway().migrate();
    TicketNumbers ticketNumbers = new TicketNumbers(new JdbcTemplate(dataSource),
        new DataSourceTransactionManager(dataSource), new BusinessCalendar(new CalendarProperties(
            ZoneId.of("America/Guatemala"), LocalTime.of(8, 0), LocalTime.of(16, 0), List.of())));
    List<String> numbers = TicketNumbersContract.drawConcurrently(ticketNumbers, "PG", 8, 40);
    TicketNumbersContract.assertUniqueAndGapless(numbers, 8 * 40);
  }

  @Test
  void theRegisterWritesOnlyTheColumnsAStepGivesNullsIncludedOnPostgres() {
    flyway().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Timestamp opened = Timestamp.from(Instant.parse("2026-03-09T15:00:00Z"));
    jdbc.update("INSERT INTO support_ticket (ticket_number, requester_name, requester_email, department, channel, "
        + "request_type, description, impact, urgency, priority, opened_at, first_response_due, resolution_due, "
        + "sla_status, resources_missing) VALUES ('PG-2026-000009', 'Ana', 'ana@institucion.gob', 'operaciones', 'web', "
        + "'other', 'No enciende', 'medium', 'medium', 'medium', ?, ?, ?, 'on_time', 'un cable')", opened, opened,
        opened);
    TicketRegister register = new TicketRegister(null, jdbc);
    Instant resolved = Instant.parse("2026-03-10T16:30:00Z");

    register.set("PG-2026-000009", TicketRegister.columns("resolved_at", resolved, "resources_missing", null,
        "support_level", 2, "resources_available", true));

    assertThat(register.openedAndResolved("PG-2026-000009")).containsExactly(opened.toInstant(), resolved);
    assertThat(jdbc.queryForMap("SELECT resources_missing, support_level, resources_available, request_type, version "
        + "FROM support_ticket WHERE ticket_number = 'PG-2026-000009'")).containsEntry("resources_missing", null)
        .containsEntry("support_level", 2).containsEntry("resources_available", true)
        .containsEntry("request_type", "other").containsEntry("version", 1);
    assertThat(register.setIf("PG-2026-000009", "request_type", "telephony", TicketRegister.columns("priority", "high")))
        .isFalse();
    assertThat(register.setIf("PG-2026-000009", "request_type", "other", TicketRegister.columns("priority", "high")))
        .isTrue();
    assertThatThrownBy(() -> register.set("PG-2026-999999", TicketRegister.columns("priority", "low")))
        .hasMessageContaining("not in the register");
  }

  private void executeOnlyJob(ProcessInstance instance) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .executable().list();
    assertThat(jobs).hasSize(1);
    engine.getManagementService().executeJob(jobs.get(0).getId());
  }

  private static Flyway flyway() {
    return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .baselineOnMigrate(true).baselineVersion("0").load();
  }

  static Resource[] allModelFiles() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    return java.util.stream.Stream.of("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
            "classpath*:forms/**/*.form")
        .flatMap(pattern -> {
          try {
            return java.util.Arrays.stream(resolver.getResources(pattern));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        })
        .toArray(Resource[]::new);
  }
}
