package org.mesadeayuda.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.mesadeayuda.intake.IntakeProperties;
import org.mesadeayuda.intake.MailIntake;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an operator watches, at {@code /actuator/prometheus} (README "Metrics and health"): the engine's jobs,
 * incidents and open cases, and the help desk's open tickets, SLA breaches, undelivered e-mails and e-mail intake lag. The figures are
 * counts in the database, read at most once per {@code mesa.metrics.max-age} whatever the number of scrapers, and the
 * same on every node of a cluster (label them by instance in Prometheus, or scrape one node).
 */
@Component
public class OperationsMetrics {

  /** The ticket register's stages of an open ticket, in the order a ticket goes through them. */
  static final List<String> STAGES = List.of("registered", "assigned", "in_attention", "awaiting_verification");

  private final MeterRegistry registry;
  private final JdbcTemplate jdbc;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final Duration maxAge;
  private final MailIntake intake;
  private final IntakeProperties intakeMailbox;
  private volatile Snapshot snapshot;

  public OperationsMetrics(MeterRegistry registry, JdbcTemplate jdbc, ProcessEngine engine,
      @Value("${mesa.metrics.max-age:PT10S}") Duration maxAge, MailIntake intake, IntakeProperties intakeMailbox) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.repositoryService = engine.getRepositoryService();
    this.runtimeService = engine.getRuntimeService();
    this.managementService = engine.getManagementService();
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.maxAge = maxAge;
    this.intake = intake;
    this.intakeMailbox = intakeMailbox;
  }

  /** After the deployment, when every process key is known. */
  @EventListener(ApplicationReadyEvent.class)
  public void register() {
    for (String stage : STAGES) {
      gauge("mesa.tickets.open", "Open support tickets by stage (ticket register)",
          s -> s.openTickets().getOrDefault(stage, 0L), "stage", stage);
    }
    gauge("mesa.sla.breaches", "Open tickets past their first-response due time (SR-9)",
        Snapshot::firstResponseBreaches, "kind", "first_response");
    gauge("mesa.sla.breaches", "Open tickets past their resolution due time",
        Snapshot::resolutionBreaches, "kind", "resolution");
    gauge("mesa.mail.pending", "E-mails in the outbox not delivered yet", Snapshot::mailPending);
    gauge("mesa.mail.failed", "Undelivered e-mails whose delivery has failed at least once", Snapshot::mailFailed);
    gauge("mesa.mail.oldest.pending.seconds", "Age of the oldest undelivered e-mail", Snapshot::oldestMailSeconds);
    if (intakeMailbox.configured()) {
      // this node's own reading of the mailbox (every node reads it), not a database count: no snapshot needed; an
      // installation without intake has no such series rather than a lag that means nothing
      Gauge.builder("mesa.intake.lag.seconds", intake, reader -> reader.lag().toMillis() / 1000.0)
          .description("How long a message may have waited in the intake mailbox without becoming a ticket or comment")
          .register(registry);
    }

    for (String key : processKeys()) {
      gauge("camunda.process.instances.open", "Running process instances", s -> s.openInstances()
          .getOrDefault(key, 0L), "process", key);
      gauge("camunda.incidents.open", "Open incidents (failed jobs after their retries)",
          s -> s.incidents().getOrDefault(key, 0L), "process", key);
    }
    gauge("camunda.jobs.no.retries", "Jobs that failed and have no retries left", Snapshot::jobsWithoutRetries);
    gauge("camunda.jobs.due", "Jobs due and waiting for the job executor (acquisition backlog)", Snapshot::jobsDue);
    counter("camunda.jobs.acquired", "Jobs acquired by the job executors", Metrics.JOB_ACQUIRED_SUCCESS);
    counter("camunda.jobs.executed", "Jobs executed successfully", Metrics.JOB_SUCCESSFUL);
    counter("camunda.jobs.failed", "Job executions that failed (each retry counts)", Metrics.JOB_FAILED);
  }

  private void gauge(String name, String description, ToDoubleFunction<Snapshot> value, String... tags) {
    Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.current()))
        .description(description).tags(tags).register(registry);
  }

  /**
   * The engine's own job counters: what its metrics reporter has written to the database (every node, every restart)
   * plus what this node has counted since its last report.
   */
  private void counter(String name, String description, String engineMetric) {
    FunctionCounter.builder(name, this, metrics -> metrics.engineCount(engineMetric))
        .description(description).register(registry);
  }

  double engineCount(String engineMetric) {
    long reported = managementService.createMetricsQuery().name(engineMetric).sum();
    Meter unreported = engineConfiguration.getMetricsRegistry() == null ? null
        : engineConfiguration.getMetricsRegistry().getDbMeterByName(engineMetric);
    return reported + (unreported == null ? 0 : unreported.get());
  }

  private List<String> processKeys() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).distinct().sorted().toList();
  }

  Snapshot current() {
    Snapshot last = snapshot;
    long now = System.nanoTime();
    if (last == null || now - last.takenAtNanos() > maxAge.toNanos()) {
      synchronized (this) {
        last = snapshot;
        if (last == null || System.nanoTime() - last.takenAtNanos() > maxAge.toNanos()) {
          snapshot = last = take();
        }
      }
    }
    return last;
  }

  /** Reads everything again now (tests; the scrape uses {@link #current()}). */
  public void refresh() {
    snapshot = take();
  }

  private Snapshot take() {
    Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
    Map<String, Long> open = new LinkedHashMap<>();
    jdbc.query("""
        SELECT stage, COUNT(*) AS tickets FROM (
          SELECT CASE WHEN assigned_at IS NULL THEN 'registered'
                      WHEN first_response_at IS NULL THEN 'assigned'
                      WHEN resolved_at IS NULL THEN 'in_attention'
                      ELSE 'awaiting_verification' END AS stage
          FROM support_ticket WHERE closed_at IS NULL) open_tickets
        GROUP BY stage""",
        row -> {
          open.put(row.getString("stage"), row.getLong("tickets"));
        });
    long firstResponse = count("""
        SELECT COUNT(*) FROM support_ticket WHERE closed_at IS NULL
          AND (first_response_breached OR (first_response_at IS NULL AND first_response_due < ?))""", now);
    long resolution = count("""
        SELECT COUNT(*) FROM support_ticket WHERE closed_at IS NULL AND resolved_at IS NULL
          AND COALESCE(definitive_solution_due, resolution_due) < ?""", now);
    long pending = count("SELECT COUNT(*) FROM mail_outbox WHERE state = 'pending'");
    long failed = count("SELECT COUNT(*) FROM mail_outbox WHERE state = 'pending' AND attempts > 0");
    Timestamp oldest = jdbc.queryForObject("SELECT MIN(created_at) FROM mail_outbox WHERE state = 'pending'",
        Timestamp.class);
    double oldestSeconds = oldest == null ? 0 : Math.max(0, (now.getTime() - oldest.getTime()) / 1000.0);

    Map<String, Long> instances = new HashMap<>();
    jdbc.query("""
        SELECT d.KEY_ AS process, COUNT(*) AS instances FROM ACT_RU_EXECUTION e
        JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_
        WHERE e.PARENT_ID_ IS NULL GROUP BY d.KEY_""",
        row -> {
          instances.put(row.getString("process"), row.getLong("instances"));
        });
    Map<String, Long> incidents = new HashMap<>();
    jdbc.query("""
        SELECT d.KEY_ AS process, COUNT(*) AS incidents FROM ACT_RU_INCIDENT i
        JOIN ACT_RE_PROCDEF d ON d.ID_ = i.PROC_DEF_ID_ GROUP BY d.KEY_""",
        row -> {
          incidents.put(row.getString("process"), row.getLong("incidents"));
        });
    long noRetries = managementService.createJobQuery().noRetriesLeft().count();
    long due = managementService.createJobQuery().executable().count();
    return new Snapshot(System.nanoTime(), open, firstResponse, resolution, pending, failed, oldestSeconds,
        instances, incidents, noRetries, due);
  }

  private long count(String sql, Object... arguments) {
    Long value = jdbc.queryForObject(sql, Long.class, arguments);
    return value == null ? 0 : value;
  }

  record Snapshot(long takenAtNanos, Map<String, Long> openTickets, long firstResponseBreaches,
      long resolutionBreaches, long mailPending, long mailFailed, double oldestMailSeconds,
      Map<String, Long> openInstances, Map<String, Long> incidents, long jobsWithoutRetries, long jobsDue) {}
}
