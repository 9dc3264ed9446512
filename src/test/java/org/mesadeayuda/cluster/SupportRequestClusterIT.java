package org.mesadeayuda.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's cluster model with the real application: two nodes (the packaged jar in two JVMs, two ports) on one
 * PostgreSQL, both job executors on, not deployment-aware. Support requests are opened through both nodes' REST APIs
 * and driven to the end through the engine's REST task API, as the desk, the technician and the requester would;
 * the async steps and the (shortened) rating timer are run by whichever job executor acquires them first.
 *
 * <p>Run with {@code ./mvnw -Pcluster verify}; sizes with {@code -Dcluster.tickets} (run 1),
 * {@code -Dcluster.killRunTickets} (run 2, one node killed) and {@code -Dcluster.throughputTickets}. Figures go to
 * {@code target/cluster/results.md}, node logs to {@code target/cluster/}. Reads are done in SQL on the shared
 * database, every action through the nodes' HTTP APIs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupportRequestClusterIT {

  static final int TICKETS = Integer.getInteger("cluster.tickets", 1000);
  static final int KILL_RUN_TICKETS = Integer.getInteger("cluster.killRunTickets", 300);
  static final int THROUGHPUT_TICKETS = Integer.getInteger("cluster.throughputTickets", 400);
  static final String RATING_TIME_LIMIT = System.getProperty("cluster.ratingTimeLimit", "PT30S");
  static final int LOCK_TIME_MILLIS = Integer.getInteger("cluster.lockTimeMillis", 20_000);
  static final int CLIENT_THREADS = Integer.getInteger("cluster.clientThreads", 8);
  static final int TASKS_PER_ROUND = 200;
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(Integer.getInteger("cluster.runTimeoutMinutes", 8));
  static final String ADMIN_PASSWORD = "cluster-admin-" + Long.toHexString(System.nanoTime());
  static final Path OUT = Path.of("target", "cluster");

  static final String ACKNOWLEDGEMENT = "Solicitud recibida — ";
  static final String TICKET_FINISHED = "Ticket finalizado — ";
  static final String FIRST_RESPONSE = "Su solicitud está siendo atendida — ";

  static EmbeddedPostgres postgres;
  static JdbcTemplate sql;
  static GreenMail mail;
  static ClusterNode nodeA;
  static ClusterNode nodeB;
  static ExecutorService clients;
  static final Map<String, String> results = new LinkedHashMap<>();

  /** A support request of a run, as opened through a node's API, and what the driver did with it. */
  static final class Ticket {
    final int index;
    final String email;
    final ClusterNode openedOn;
    String number;
    String processInstanceId;
    volatile String sentRating;
    volatile boolean rated;

    Ticket(int index, String email, ClusterNode openedOn) {
      this.index = index;
      this.email = email;
      this.openedOn = openedOn;
    }
  }

  @BeforeAll
  static void startCluster() throws Exception {
    Files.createDirectories(OUT);
    for (String node : List.of("node-a", "node-b")) {
      Files.deleteIfExists(OUT.resolve(node + ".log"));
    }
    postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "200").start();
    DataSource dataSource = postgres.getPostgresDatabase();
    sql = new JdbcTemplate(dataSource);
    mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    clients = Executors.newFixedThreadPool(CLIENT_THREADS);

    Path jar = Path.of(System.getProperty("cluster.jar", "target/mesa-de-ayuda-0.1.0-SNAPSHOT.jar"));
    assertThat(jar).as("the packaged application (mvn package)").exists();
    Map<String, String> environment = Map.of(
        "MESA_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
        "MESA_DB_USER", "postgres",
        "MESA_DB_PASSWORD", "",
        "MESA_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "MESA_MAIL_HOST", "127.0.0.1",
        "MESA_MAIL_PORT", Integer.toString(mail.getSmtp().getPort()));
    List<String> arguments = List.of(
        "--mesa.support.rating-time-limit=" + RATING_TIME_LIMIT,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
        // the e-mails a killed node was sending go to the other node after this (production: 5 minutes)
        "--mesa.mail.outbox.claim-duration=PT" + LOCK_TIME_MILLIS / 1000 + "S",
        // an idle node looks for jobs another node created at least every second (production default: 60 s)
        "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.job-execution.wait-time-in-millis=500");

    nodeA = new ClusterNode("node-a", freePort(), ADMIN_PASSWORD, OUT);
    nodeB = new ClusterNode("node-b", freePort(), ADMIN_PASSWORD, OUT);
    // the first node alone on the empty database creates the schema; only then the second one joins
    long started = System.nanoTime();
    nodeA.start(jar, environment, arguments);
    nodeA.awaitReady(Duration.ofMinutes(4));
    results.put("node-a start on the empty database", seconds(System.nanoTime() - started) + " s");
    started = System.nanoTime();
    nodeB.start(jar, environment, arguments);
    nodeB.awaitReady(Duration.ofMinutes(4));
    results.put("node-b start (schema present)", seconds(System.nanoTime() - started) + " s");
    assertThat(sql.queryForObject("SELECT count(*) FROM act_re_procdef WHERE key_ = 'support-request'", Integer.class))
        .as("the second node deploys the same files: no new version").isEqualTo(1);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      writeResults();
    } finally {
      if (clients != null) {
        clients.shutdownNow();
      }
      for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
        if (node != null) {
          node.stop();
        }
      }
      if (mail != null) {
        mail.stop();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  // --- run 1 ----------------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void run1_everyTicketEndsExactlyOnceWithBothNodesWorking() throws Exception {
    long started = System.nanoTime();
    // opened with the jobs held back, so that the drain that follows measures the two job executors together
    nodeA.suspendSupportRequestJobs(true);
    List<Ticket> tickets = open("run1", TICKETS, List.of(nodeA, nodeB));
    Drain drain = drainHeldBackJobs(nodeA, tickets);
    drive(tickets, List.of(nodeA, nodeB), null);
    long elapsed = System.nanoTime() - started;

    assertEveryTicketEndedExactlyOnce(tickets);
    awaitEmptyOutbox();
    assertEveryMailExactlyOnce(tickets);
    assertNoIncident();
    Map<String, Integer> split = jobsPerNode(tickets);
    assertThat(split.keySet()).as("both nodes executed jobs").contains("node-a", "node-b");
    assertThat(split.get("node-a")).isPositive();
    assertThat(split.get("node-b")).isPositive();

    long rated = tickets.stream().filter(ticket -> ticket.rated).count();
    results.put("run 1: tickets (opened on node-a / node-b)", tickets.size() + " ("
        + tickets.stream().filter(t -> t.openedOn == nodeA).count() + " / "
        + tickets.stream().filter(t -> t.openedOn == nodeB).count() + ")");
    results.put("run 1: rated by the requester / closed by the rating timer",
        rated + " / " + (tickets.size() - rated));
    results.put("run 1: jobs executed (successful job log entries)", Integer.toString(sum(split)));
    results.put("run 1: jobs per node", describe(split));
    results.put("run 1: e-mails received (2 per ticket expected)",
        Long.toString(mailsTo(tickets).values().stream().mapToLong(Long::longValue).sum()));
    results.put("run 1: wall time, opening to last ticket closed", seconds(elapsed) + " s");
    results.put("run 1: drain of the held-back intake jobs (2 per ticket), two nodes",
        drain.describe() + loadAverage());
  }

  @Test
  @Order(2)
  void throughputOfTwoNodes() throws Exception {
    nodeA.suspendSupportRequestJobs(true);
    List<Ticket> tickets = open("throughput2", THROUGHPUT_TICKETS, List.of(nodeA, nodeB));
    Drain drain = drainHeldBackJobs(nodeA, tickets);
    results.put("throughput: " + drain.jobs + " async jobs drained by two nodes", drain.describe() + loadAverage());
    twoNodeJobsPerSecond = drain.jobsPerSecond();
  }

  static double twoNodeJobsPerSecond;

  // --- run 2: one node killed ----------------------------------------------------------------------------------

  @Test
  @Order(3)
  void run2_killingANodeHoldingJobLocksLosesAndDuplicatesNothing() throws Exception {
    // held back while opening, so that there is a backlog for both job executors when they are let go
    nodeA.suspendSupportRequestJobs(true);
    List<Ticket> tickets = open("run2", KILL_RUN_TICKETS, List.of(nodeA, nodeB));
    Set<String> instances = tickets.stream().map(t -> t.processInstanceId).collect(Collectors.toSet());
    nodeA.suspendSupportRequestJobs(false);

    // kill -9 node-b in the middle of the intake jobs (2 per ticket), at a moment it holds job locks
    List<Map<String, Object>> held = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (sum(jobsPerNode(tickets)) >= KILL_RUN_TICKETS / 2) {
        held = lockedBy("node-b");
        if (!held.isEmpty()) {
          break;
        }
      }
      Thread.sleep(5);
    }
    assertThat(held).as("node-b held job locks before it was killed").isNotEmpty();
    int doneBeforeKill = sum(jobsPerNode(tickets));
    nodeB.kill();
    Instant killedAt = Instant.now();
    // a commit node-b had already handed to PostgreSQL finishes; nothing else of it does
    Thread.sleep(1000);
    List<Map<String, Object>> orphaned = lockedBy("node-b");
    Set<String> orphanedJobIds = orphaned.stream().map(row -> (String) row.get("id_")).collect(Collectors.toSet());
    assertThat(nodeB.isAlive()).isFalse();
    // e-mails node-b was handing to the mail server when it died: their claims expire and node-a sends them again
    Set<String> mailsBeingSentByB = new HashSet<>(sql.queryForList("SELECT mail_to || '|' || subject FROM mail_outbox "
        + "WHERE state = 'pending' AND locked_by LIKE 'node-b/%'", String.class));

    // the survivor does everything else: the REST calls, and the jobs node-b held once their locks expire
    drive(tickets, List.of(nodeA), null);
    Instant finishedAt = Instant.now();

    assertEveryTicketEndedExactlyOnce(tickets);
    assertNoIncident();
    assertThat(lockedBy("node-b")).as("no job still locked by the dead node").isEmpty();
    // every job node-b held was run again, by node-a, after the lock expired
    List<Map<String, Object>> rerun = sql.queryForList("SELECT job_id_, hostname_, timestamp_ FROM act_hi_job_log "
        + "WHERE job_state_ = 2 AND job_id_ IN (" + placeholders(orphanedJobIds) + ")", orphanedJobIds.toArray());
    Set<String> orphanedInRunInstances = orphaned.stream()
        .filter(row -> instances.contains((String) row.get("process_instance_id_")))
        .map(row -> (String) row.get("id_")).collect(Collectors.toSet());
    assertThat(rerun).extracting(row -> row.get("hostname_")).containsOnly("node-a");
    assertThat(rerun.stream().map(row -> row.get("job_id_")).collect(Collectors.toSet()))
        .containsAll(orphanedInRunInstances);

    // e-mail: once per ticket, except where node-b was killed after handing the mail to the server but before it
    // marked it sent in the outbox; then node-a sends it again (at least once, never lost)
    awaitEmptyOutbox();
    Map<String, Long> received = mailsTo(tickets);
    int duplicates = 0;
    for (Ticket ticket : tickets) {
      long acknowledgements = received.getOrDefault(ticket.email + "|" + ACKNOWLEDGEMENT + ticket.number, 0L);
      long finished = received.getOrDefault(ticket.email + "|" + TICKET_FINISHED + ticket.number, 0L);
      assertThat(finished).as("ticket-finished mail of " + ticket.number).isEqualTo(1);
      assertThat(acknowledgements).as("acknowledgement of " + ticket.number).isBetween(1L, 2L);
      if (acknowledgements == 2) {
        duplicates++;
        assertThat(mailsBeingSentByB)
            .as("a second acknowledgement only where node-b died in the middle of sending it")
            .contains(ticket.email + "|" + ACKNOWLEDGEMENT + ticket.number);
      }
    }
    long lastOrphanDone = rerun.stream()
        .mapToLong(row -> ((java.sql.Timestamp) row.get("timestamp_")).toInstant().toEpochMilli()).max()
        .orElse(killedAt.toEpochMilli());
    Map<String, Integer> split = jobsPerNode(tickets);
    long rated = tickets.stream().filter(ticket -> ticket.rated).count();
    results.put("run 2: tickets (opened on node-a / node-b)", tickets.size() + " ("
        + tickets.stream().filter(t -> t.openedOn == nodeA).count() + " / "
        + tickets.stream().filter(t -> t.openedOn == nodeB).count() + ")");
    results.put("run 2: intake jobs done when node-b was killed", doneBeforeKill + " of " + 2 * KILL_RUN_TICKETS);
    results.put("run 2: jobs locked by node-b when it was killed (kill -9)", orphaned.size() + " "
        + orphaned.stream().map(row -> (String) row.get("act_id_"))
            .collect(Collectors.groupingBy(a -> a, TreeMap::new, Collectors.counting())));
    results.put("run 2: those jobs re-run by node-a after the lock expiry",
        rerun.size() + ", the last " + seconds((lastOrphanDone - killedAt.toEpochMilli()) * 1_000_000L)
            + " s after the kill (lock time " + LOCK_TIME_MILLIS / 1000 + " s)");
    results.put("run 2: jobs per node", describe(split));
    results.put("run 2: rated / closed by the rating timer", rated + " / " + (tickets.size() - rated));
    results.put("run 2: duplicate acknowledgement e-mails (at-least-once after the crash)",
        Integer.toString(duplicates));
    results.put("run 2: kill to last ticket closed",
        seconds(Duration.between(killedAt, finishedAt).toNanos()) + " s");
  }

  @Test
  @Order(4)
  void throughputOfOneNode() throws Exception {
    assertThat(nodeB.isAlive()).isFalse();
    nodeA.suspendSupportRequestJobs(true);
    List<Ticket> tickets = open("throughput1", THROUGHPUT_TICKETS, List.of(nodeA));
    Drain drain = drainHeldBackJobs(nodeA, tickets);
    results.put("throughput: " + drain.jobs + " async jobs drained by one node", drain.describe() + loadAverage());
    if (twoNodeJobsPerSecond > 0) {
      results.put("throughput: two nodes ÷ one node",
          String.format(java.util.Locale.ROOT, "%.2f", twoNodeJobsPerSecond / drain.jobsPerSecond()));
    }
  }

  // --- the driver ------------------------------------------------------------------------------------------------

  /** Opens {@code count} support requests through the nodes' {@code POST /api/support-requests}, in turn. */
  static List<Ticket> open(String run, int count, List<ClusterNode> nodes) throws Exception {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tickets.add(new Ticket(i, "%s-%05d@solicitantes.cluster.test".formatted(run, i), nodes.get(i % nodes.size())));
    }
    runAll(tickets.stream().map(ticket -> (Callable<Void>) () -> {
      JsonNode created = ticket.openedOn.post("/api/support-requests", Map.of(
          "requesterName", "Solicitante " + ticket.index,
          "requesterEmail", ticket.email,
          "department", "operaciones",
          "channel", "web",
          "requestType", "equipment_support",
          "description", "La computadora no enciende (" + run + ")",
          "impact", "medium",
          "urgency", ticket.index % 2 == 0 ? "high" : "medium"), 201);
      ticket.number = created.get("ticketNumber").asText();
      ticket.processInstanceId = created.get("processInstanceId").asText();
      return null;
    }).toList());
    return tickets;
  }

  record Drain(int jobs, long nanos, Map<String, Integer> perNode) {
    double jobsPerSecond() {
      return jobs / (nanos / 1e9);
    }

    String describe() {
      return String.format(java.util.Locale.ROOT, "%d jobs in %.1f s = %.0f jobs/s (%s)", jobs, nanos / 1e9,
          jobsPerSecond(), SupportRequestClusterIT.describe(perNode));
    }
  }

  /** Lets the held-back jobs go and times how long the job executors of the live nodes take to run them all. */
  static Drain drainHeldBackJobs(ClusterNode via, List<Ticket> tickets) throws Exception {
    Set<String> instances = tickets.stream().map(t -> t.processInstanceId).collect(Collectors.toSet());
    long started = System.nanoTime();
    via.suspendSupportRequestJobs(false);
    long deadline = started + RUN_TIMEOUT.toNanos();
    while (true) {
      long waiting = count("SELECT proc_inst_id_ FROM act_ru_task WHERE task_def_key_ = 'Task_ReviewAndAssign'",
          instances);
      long pending = count("SELECT process_instance_id_ FROM act_ru_job WHERE type_ = 'message'", instances);
      if (waiting == instances.size() && pending == 0) {
        break;
      }
      assertThat(System.nanoTime()).as("jobs drained in time").isLessThan(deadline);
      Thread.sleep(100);
    }
    long nanos = System.nanoTime() - started;
    Map<String, Integer> perNode = jobsPerNode(tickets);
    return new Drain(sum(perNode), nanos, perNode);
  }

  /**
   * Works the tickets' tasks until every case has ended: the desk assigns, the technician solves, the desk closes,
   * and the requester rates two tickets in three; the third is left to the rating timer. A rating can lose the race
   * against the timer (the task is gone): then the ticket is one of those closed without rating.
   */
  static void drive(List<Ticket> tickets, List<ClusterNode> nodes, Runnable eachRound) throws Exception {
    Map<String, Ticket> byInstance = tickets.stream().collect(Collectors.toMap(t -> t.processInstanceId, t -> t));
    Set<String> handled = ConcurrentHashMap.newKeySet();
    AtomicInteger retries = new AtomicInteger();
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (true) {
      Set<String> running = new HashSet<>(sql.queryForList(
          "SELECT id_ FROM act_ru_execution WHERE id_ = proc_inst_id_", String.class));
      running.retainAll(byInstance.keySet());
      if (running.isEmpty()) {
        return;
      }
      assertThat(System.nanoTime()).as("tickets still running: " + running.size()).isLessThan(deadline);
      List<Callable<Void>> work = new ArrayList<>();
      // the requester first (the rating timer is running), and short rounds so new tasks are seen soon
      for (Map<String, Object> task : sql.queryForList("SELECT id_, proc_inst_id_, task_def_key_ FROM act_ru_task "
          + "ORDER BY CASE WHEN task_def_key_ = 'Task_RateService' THEN 0 ELSE 1 END, create_time_")) {
        if (work.size() >= TASKS_PER_ROUND) {
          break;
        }
        Ticket ticket = byInstance.get((String) task.get("proc_inst_id_"));
        String taskId = (String) task.get("id_");
        if (ticket == null || !handled.add(taskId)) {
          continue;
        }
        String definition = (String) task.get("task_def_key_");
        ClusterNode node = nodes.get(ticket.index % nodes.size());
        Map<String, Object> variables = switch (definition) {
          case "Task_ReviewAndAssign" -> Map.of("requestType", "equipment_support", "priority", "medium",
              "technician", "tomas.tecnico", "supportLevel", "2", "resourcesAvailable", "yes");
          case "Task_StartAttention" -> Map.of("firstContactChannel", "phone");
          case "Task_AttendRequest" -> Map.of("attentionMode", "remote",
              "workDone", "Se reinstaló el controlador de video", "outcome", "solved");
          case "Task_CloseTicket" -> Map.of("closingDecision", "close", "deskComment", "Verificado con el solicitante");
          case "Task_RateService" -> ticket.index % 3 == 0 ? null : Map.of("solutionVerified", "yes",
              "satisfaction", ticket.index % 3 == 1 ? "conforme" : "no_conforme", "ratingComment", "Gracias");
          default -> throw new AssertionError("unexpected task " + definition + " in " + ticket.number);
        };
        if (variables == null) {
          continue;
        }
        work.add(() -> {
          int status = node.completeTask(taskId, variables);
          if (definition.equals("Task_RateService")) {
            // 204: rated; otherwise the timer closed the case first
            ticket.sentRating = (String) variables.get("satisfaction");
            ticket.rated = status == 204;
          } else if (status != 204) {
            retries.incrementAndGet();
            handled.remove(taskId);
          }
          return null;
        });
      }
      if (work.isEmpty()) {
        Thread.sleep(250);
      } else {
        runAll(work);
      }
      if (eachRound != null) {
        eachRound.run();
      }
    }
  }

  // --- what must hold ---------------------------------------------------------------------------------------------

  static void assertEveryTicketEndedExactlyOnce(List<Ticket> tickets) {
    Set<String> numbers = tickets.stream().map(t -> t.number).collect(Collectors.toSet());
    assertThat(numbers).as("ticket numbers are unique").hasSize(tickets.size());
    Map<String, Ticket> byNumber = tickets.stream().collect(Collectors.toMap(t -> t.number, t -> t));

    // the engine: one process instance per ticket, ended, through exactly one of the two end events
    Map<String, Long> instancesPerKey = new HashMap<>();
    Map<String, String> endByInstance = new HashMap<>();
    for (Map<String, Object> row : sql.queryForList("SELECT p.business_key_, p.id_, p.end_time_ FROM act_hi_procinst p "
        + "WHERE p.proc_def_key_ = 'support-request' AND p.business_key_ IN (" + placeholders(numbers) + ")",
        numbers.toArray())) {
      instancesPerKey.merge((String) row.get("business_key_"), 1L, Long::sum);
      assertThat(row.get("end_time_")).as("ended: " + row.get("business_key_")).isNotNull();
    }
    assertThat(instancesPerKey).hasSize(tickets.size());
    assertThat(instancesPerKey.values()).containsOnly(1L);
    Set<String> instances = tickets.stream().map(t -> t.processInstanceId).collect(Collectors.toSet());
    Map<String, Long> endsPerInstance = new HashMap<>();
    for (Map<String, Object> row : sql.queryForList("SELECT proc_inst_id_, act_id_ FROM act_hi_actinst "
        + "WHERE act_id_ IN ('EndEvent_TicketClosed', 'EndEvent_ClosedWithoutRating', 'Task_RecordRating', "
        + "'Task_CloseWithoutRating', 'Task_RegisterTicket', 'Task_SendAcknowledgement', 'Task_RecordAssignment', "
        + "'Task_RecordResolution', 'Task_RecordClosure', 'Task_SendTicketFinished', 'Task_RecordFirstResponse', "
        + "'Task_RecordClosureWithoutAnswer')"
        + " AND end_time_ IS NOT NULL")) {
      String instance = (String) row.get("proc_inst_id_");
      if (instances.contains(instance)) {
        endsPerInstance.merge(instance + "|" + row.get("act_id_"), 1L, Long::sum);
        if (((String) row.get("act_id_")).startsWith("EndEvent_")) {
          endByInstance.put(instance, (String) row.get("act_id_"));
        }
      }
    }
    assertThat(endsPerInstance.values()).as("each step once per ticket").containsOnly(1L);
    for (Ticket ticket : tickets) {
      String expectedEnd = ticket.rated ? "EndEvent_TicketClosed" : "EndEvent_ClosedWithoutRating";
      assertThat(endByInstance.get(ticket.processInstanceId)).as("end of " + ticket.number).isEqualTo(expectedEnd);
    }

    // our register: exactly one row per ticket, closed, with the rating the requester gave or "sin_respuesta"
    Map<String, Long> rowsPerTicket = new HashMap<>();
    for (Map<String, Object> row : sql.queryForList("SELECT ticket_number, closed_at, satisfaction FROM support_ticket "
        + "WHERE ticket_number IN (" + placeholders(numbers) + ")", numbers.toArray())) {
      String number = (String) row.get("ticket_number");
      rowsPerTicket.merge(number, 1L, Long::sum);
      Ticket ticket = byNumber.get(number);
      assertThat(row.get("closed_at")).as("closed: " + number).isNotNull();
      assertThat(row.get("satisfaction")).as("rating of " + number)
          .isEqualTo(ticket.rated ? ticket.sentRating : "sin_respuesta");
    }
    assertThat(rowsPerTicket).hasSize(tickets.size());
    assertThat(rowsPerTicket.values()).containsOnly(1L);
  }

  static void assertEveryMailExactlyOnce(List<Ticket> tickets) {
    Map<String, Long> received = mailsTo(tickets);
    Map<String, Long> expected = new HashMap<>();
    for (Ticket ticket : tickets) {
      expected.put(ticket.email + "|" + ACKNOWLEDGEMENT + ticket.number, 1L);
      expected.put(ticket.email + "|" + TICKET_FINISHED + ticket.number, 1L);
      expected.put(ticket.email + "|" + FIRST_RESPONSE + ticket.number, 1L);
    }
    assertThat(received).isEqualTo(expected);
  }

  static void assertNoIncident() {
    assertThat(sql.queryForList("SELECT incident_msg_ FROM act_ru_incident", String.class)).isEmpty();
    assertThat(sql.queryForObject("SELECT count(*) FROM act_ru_job WHERE retries_ = 0", Integer.class)).isZero();
  }

  /**
   * E-mails leave through the outbox after their step has committed (right after the commit, or from the sender's
   * next pass): waits until none is pending before the mail server is counted.
   */
  static void awaitEmptyOutbox() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (sql.queryForObject("SELECT count(*) FROM mail_outbox WHERE state = 'pending'", Integer.class) > 0) {
      assertThat(System.nanoTime()).as("the outbox empties").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  // --- reading the shared database and the mail server --------------------------------------------------------

  /** The jobs a node has acquired and not yet finished: its lock owner stays on them until they commit. */
  static List<Map<String, Object>> lockedBy(String node) {
    return sql.queryForList("SELECT j.id_, j.process_instance_id_, d.act_id_ FROM act_ru_job j "
        + "LEFT JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ WHERE j.lock_owner_ = ?", node);
  }

  /** Successful job executions per node (ACT_HI_JOB_LOG.HOSTNAME_ is the node name) for the tickets' instances. */
  static Map<String, Integer> jobsPerNode(List<Ticket> tickets) {
    Set<String> instances = tickets.stream().map(t -> t.processInstanceId).collect(Collectors.toSet());
    Map<String, Integer> perNode = new TreeMap<>();
    for (Map<String, Object> row : sql.queryForList(
        "SELECT process_instance_id_, hostname_ FROM act_hi_job_log WHERE job_state_ = 2")) {
      if (instances.contains((String) row.get("process_instance_id_"))) {
        perNode.merge((String) row.get("hostname_"), 1, Integer::sum);
      }
    }
    return perNode;
  }

  /** Mails received per "recipient|subject", for the tickets' requesters. */
  static Map<String, Long> mailsTo(List<Ticket> tickets) {
    Set<String> recipients = tickets.stream().map(t -> t.email).collect(Collectors.toSet());
    Map<String, Long> received = new HashMap<>();
    try {
      for (MimeMessage message : mail.getReceivedMessages()) {
        String to = message.getAllRecipients()[0].toString();
        if (recipients.contains(to)) {
          received.merge(to + "|" + message.getSubject(), 1L, Long::sum);
        }
      }
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
    return received;
  }

  static long count(String query, Set<String> instances) {
    return sql.queryForList(query, String.class).stream().filter(instances::contains).count();
  }

  static void runAll(Collection<Callable<Void>> work) throws Exception {
    for (Future<Void> done : clients.invokeAll(work)) {
      done.get();
    }
  }

  static String placeholders(Collection<?> values) {
    return values.isEmpty() ? "NULL" : String.join(",", java.util.Collections.nCopies(values.size(), "?"));
  }

  static int sum(Map<String, Integer> perNode) {
    return perNode.values().stream().mapToInt(Integer::intValue).sum();
  }

  static String describe(Map<String, Integer> perNode) {
    int total = Math.max(1, sum(perNode));
    return perNode.entrySet().stream()
        .map(e -> String.format(java.util.Locale.ROOT, "%s %d (%.0f %%)", e.getKey(), e.getValue(),
            100.0 * e.getValue() / total))
        .collect(Collectors.joining(", "));
  }

  /** The machine's load when a figure was taken: other work on the same cores shows in it. */
  static String loadAverage() {
    try {
      return "; load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException unavailable) {
      return "";
    }
  }

  static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void writeResults() throws IOException {
    StringBuilder text = new StringBuilder("# Cluster run: two application nodes on one PostgreSQL\n\n");
    text.append("- date: ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC)))
        .append("\n- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("os.name")).append(", Java ").append(System.getProperty("java.version"))
        .append("\n- settings: ").append(TICKETS).append(" tickets (run 1), ").append(KILL_RUN_TICKETS)
        .append(" (run 2), ").append(THROUGHPUT_TICKETS).append(" per throughput batch; rating time limit ")
        .append(RATING_TIME_LIMIT).append("; job lock time ").append(LOCK_TIME_MILLIS / 1000)
        .append(" s; job executor defaults otherwise (3-10 threads, 3 jobs per acquisition)\n\n")
        .append("| figure | value |\n|---|---|\n");
    results.forEach((key, value) -> text.append("| ").append(key).append(" | ").append(value).append(" |\n"));
    Files.writeString(OUT.resolve("results.md"), text.toString(), StandardCharsets.UTF_8);
    System.out.println(text);
  }
}
