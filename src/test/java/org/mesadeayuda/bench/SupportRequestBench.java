package org.mesadeayuda.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.H2FileMaintenance;
import org.mesadeayuda.support.MonthlyIndicators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmark of issue 8 on one database (the subclasses): support-request tickets through their whole lifecycle
 * in the real application, against the bare-engine baseline of the same shape, alternating rounds in one JVM on one
 * database; then a year of history and the monthly indicators timed on it. Results in target/bench/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
@Import({SupportRequestBench.NoOpDelegate.class, Ablation.class})
abstract class SupportRequestBench {

  // spring.mail.port moves the benchmark's SMTP server too, for two benchmarks on one machine
  static final int MAIL_PORT = Integer.getInteger("spring.mail.port", 3125);
  static final int WORKERS = 8;
  static final boolean ROTATE = Boolean.getBoolean("bench.rotate");
  static final String APP_KEY = "support-request";

  static SmtpSink mail;

  @BeforeAll
  static void startMailServer() {
    mail = SmtpSink.start(MAIL_PORT);
  }

  @AfterAll
  static void stopMailServer() {
    if (mail != null) {
      mail.stop();
    }
  }

  @TestConfiguration
  static class NoOpDelegate {
    @Bean
    JavaDelegate benchNoOp() {
      return execution -> { };
    }

    @Bean
    static StepTimings stepTimings() {
      return new StepTimings();
    }

    @Bean
    static StatementCounts statementCounts() {
      return new StatementCounts();
    }
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired BusinessCalendar calendar;
  @Autowired MonthlyIndicators indicators;
  @Autowired ApplicationContext context;

  private final AtomicLong ticketSequence = new AtomicLong();
  private Workload workload;
  private final MemorySampler memory = new MemorySampler();

  abstract String database();

  @Test
  void appAgainstBaseline() throws Exception {
    Assumptions.assumeTrue(SteadyLoad.MINUTES == 0, "-Dbench.soak.minutes runs the steady load instead");
    Assumptions.assumeTrue(HistoryAtScale.TICKETS == 0, "-Dbench.lifecycles runs the history at scale instead");
    int total = Integer.getInteger("bench.tickets", 2000);
    int rounds = Integer.getInteger("bench.rounds", 4);
    // bench.tickets counts both variants: 2,000 = 4 rounds of 250 application tickets and 4 of 250 baseline ones
    int perRound = total / 2 / rounds;
    int warmUp = Integer.getInteger("bench.warmup", Math.max(50, perRound / 2));
    int historyTickets = Integer.getInteger("bench.history", 100_000);

    String generated = BaselineModel.written();
    repository.createDeployment().name("benchmark baseline")
        .addString("support-request-baseline.bpmn", generated).deploy();
    workload = new Workload(calendar);
    Variant app = new Variant("app", APP_KEY);
    Variant baseline = new Variant("baseline", BaselineModel.PROCESS_KEY);

    round(app, warmUp);
    round(baseline, warmUp);
    StepTimings.reset();
    // the high-water mark so far (start, deployment, warm-up), to tell whether the peak belongs to the rounds
    double rssBeforeRounds = MemorySampler.rssHighWaterMarkMegabytes();
    memory.start();
    List<RoundResult> appRounds = new ArrayList<>();
    List<RoundResult> baselineRounds = new ArrayList<>();
    Map<String, Long> appStatements = new java.util.HashMap<>();
    Map<String, Long> baselineStatements = new java.util.HashMap<>();
    Map<java.util.Set<String>, List<RoundResult>> ablated = new java.util.LinkedHashMap<>();
    // application, baseline, then one application round per ablation (none by default). With ablations or
    // -Dbench.rotate=true every variant takes every place in turn (A B, B A, … with two): a round finds what the one
    // before it left (a larger database, its collections and background work, its JIT state)
    List<java.util.concurrent.Callable<Void>> order = new ArrayList<>();
    order.add(() -> {
      StatementCounts.reset();
      appRounds.add(round(app, perRound));
      StatementCounts.snapshot().forEach((key, count) -> appStatements.merge(key, count, Long::sum));
      return null;
    });
    order.add(() -> {
      StatementCounts.reset();
      baselineRounds.add(round(baseline, perRound));
      StatementCounts.snapshot().forEach((key, count) -> baselineStatements.merge(key, count, Long::sum));
      return null;
    });
    for (java.util.Set<String> pieces : Ablation.ROUNDS) {
      order.add(() -> {
        System.out.println("[bench] " + Ablation.name(pieces));
        ablated.computeIfAbsent(pieces, key -> new ArrayList<>())
            .add(Ablation.without(pieces, () -> round(app, perRound)));
        return null;
      });
    }
    boolean rotate = ROTATE || !Ablation.ROUNDS.isEmpty();
    for (int r = 0; r < rounds; r++) {
      for (java.util.concurrent.Callable<Void> variant : order) {
        variant.call();
      }
      if (rotate) {
        Collections.rotate(order, -1);
      }
    }
    memory.stop();
    System.out.printf(java.util.Locale.ROOT, "[bench] %s: peak RSS (VmHWM) %.0f MiB before the rounds, %.0f MiB after "
        + "them%n", database(), rssBeforeRounds, MemorySampler.rssHighWaterMarkMegabytes());
    RoundProfile.writeRounds(database(), appRounds, baselineRounds);
    double h2File = MemorySampler.h2FileMegabytes();
    if (!Double.isNaN(h2File)) {
      String line = String.format(java.util.Locale.ROOT, "%s: H2 file after the rounds (%d tickets of both variants "
          + "and the warm-up): %.0f MiB", database(), countAppTickets() * 2, h2File);
      System.out.println("[bench] " + line);
      java.nio.file.Files.createDirectories(BenchReport.FOLDER);
      java.nio.file.Files.writeString(BenchReport.FOLDER.resolve("h2-file.md"), line + "\n");
    }
    if (StatementCounts.ON) {
      StatementCounts.write(database(), appStatements, (long) perRound * rounds, baselineStatements,
          (long) perRound * rounds);
    }
    Map<String, double[]> steps = StepTimings.snapshot();

    long unfinishedRegister = jdbc.queryForObject(
        "SELECT COUNT(*) FROM support_ticket WHERE closed_at IS NULL OR satisfaction IS NULL", Long.class);
    if (!ablated.isEmpty()) {
      // rounds with pieces switched off leave incomplete registers and fewer e-mails: no end-of-run checks
      BenchReport.writeAblation(database(), perRound, appRounds, baselineRounds, ablated);
      return;
    }
    assertThat(unfinishedRegister).as("register rows of tickets that did not finish").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket", Long.class))
        .as("one register row per application ticket").isEqualTo(countAppTickets());
    awaitEmptyOutbox();
    // since issue 14 the requester is also told when the technician starts attention (SR-9)
    assertThat(mail.received()).as("acknowledgement, first response and 'ticket finalizado' per ticket")
        .isEqualTo(3 * countAppTickets());

    BenchReport.Run run = new BenchReport.Run(database(), perRound, rounds, WORKERS,
        BenchReport.summary(appRounds), BenchReport.summary(baselineRounds),
        memory.peakHeapMegabytes(), MemorySampler.rssHighWaterMarkMegabytes());

    // before the bulk history below (rows of its own, not a lifecycle): what the rounds' finished tickets leave in
    // the engine's history, and what is left once their time to live has passed and the cleanup has run
    if (Boolean.parseBoolean(System.getProperty("bench.historyGrowth", "true"))) {
      HistoryGrowth.measure(database(), jdbc, history, APP_KEY);
    }

    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(APP_KEY)
        .latestVersion().singleResult();
    double seconds = new HistoryScale(jdbc, transactions, calendar).generate(historyTickets, definition.getId());
    Map<String, double[]> timings = HistoryScale.time(indicators);
    timings.putAll(HistoryScale.timeDashboard(jdbc, transactions, calendar, context));
    BenchReport.write(run, steps, historyTickets, seconds, timings);
  }

  /**
   * Issue 19: an hour (-Dbench.soak.minutes) of application tickets at full speed, the used heap after a full
   * collection every few minutes: whether what the application keeps grows with the tickets it has handled.
   */
  @Test
  void steadyLoad() throws Exception {
    Assumptions.assumeTrue(SteadyLoad.MINUTES > 0, "only with -Dbench.soak.minutes=N");
    workload = new Workload(calendar);
    Variant app = new Variant("app", APP_KEY);
    round(app, 100);
    SteadyLoad load = new SteadyLoad(database());
    long tickets = 0;
    load.sample(tickets);
    while (!load.over()) {
      round(app, 100);
      tickets += 100;
      if (load.sampleDue()) {
        load.sample(tickets);
      }
    }
    if (load.lastTickets() != tickets) {
      load.sample(tickets);
    }
    awaitEmptyOutbox();
    assertThat(mail.received()).as("three e-mails per ticket").isEqualTo(3 * countAppTickets());
    load.write();
  }

  /**
   * Issue 19: the database's growth on 100,000 finished tickets (-Dbench.lifecycles=100000) before and after the
   * history cleanup, from the rows real tickets leave ({@link HistoryAtScale}).
   */
  @Test
  void historyAtScale() throws Exception {
    Assumptions.assumeTrue(HistoryAtScale.TICKETS > 0, "only with -Dbench.lifecycles=N");
    workload = new Workload(calendar);
    Variant app = new Variant("app", APP_KEY);
    for (int done = 0; done < HistoryAtScale.TEMPLATES; done += 100) {
      round(app, Math.min(100, HistoryAtScale.TEMPLATES - done));
    }
    awaitEmptyOutbox();
    new HistoryAtScale(database(), jdbc, transactions, history, APP_KEY).run();
  }

  /** E-mails leave through the outbox just after their step commits: the last ones may still be on their way. */
  private void awaitEmptyOutbox() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE state = 'pending'", Long.class) > 0) {
      assertThat(System.nanoTime()).as("the mail outbox empties").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private long countAppTickets() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(APP_KEY).count();
  }

  record Variant(String name, String key) {}

  /** A round's figures; {@code fromMillis}/{@code toMillis} (epoch) place it in a JFR recording of the run. */
  record RoundResult(int tickets, double seconds, List<Long> completionNanos, List<Long> startNanos, int errors,
      long fromMillis, long toMillis, double machineCpuMillis, double jvmCpuMillis, double h2WrittenKilobytesPerTicket,
      double h2ReadsPerTicket) {
    double ticketsPerSecond() {
      return tickets / seconds;
    }

    /** CPU time of the whole machine (this JVM, PostgreSQL's processes, the SMTP relay) per ticket, in ms. */
    double machineCpuMillisPerTicket() {
      return machineCpuMillis / tickets;
    }

    double jvmCpuMillisPerTicket() {
      return jvmCpuMillis / tickets;
    }
  }

  /**
   * CPU time the whole machine has spent working since boot, in ms ({@code /proc/stat}: user, nice, system, irq,
   * softirq and steal, not idle or I/O wait). On the quiet machine the benchmark asks for, a round's difference is
   * what its tickets cost in CPU, whichever process spent it: a steadier figure than tickets per second, which also
   * moves with what the two cores happen to be waiting for.
   */
  static double machineCpuMillis() {
    try {
      String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(cpu[field]);
      }
      return busy * 10.0; // USER_HZ is 100 on Linux
    } catch (java.io.IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  static double jvmCpuMillis() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1e6 : Double.NaN;
  }

  /** Starts {@code n} tickets and drives them to their end with {@link #WORKERS} people working in parallel. */
  RoundResult round(Variant variant, int n) throws Exception {
    long finishedBefore = finished(variant);
    BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    Set<String> dispatched = ConcurrentHashMap.newKeySet();
    Map<String, String> requestTypes = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    for (int i = 0; i < n; i++) {
      long ticket = ticketSequence.incrementAndGet();
      work.add(() -> {
        long began = System.nanoTime();
        StatementCounts.STARTING.set(true);
        ProcessInstance instance;
        try {
          instance = "app".equals(variant.name())
              ? runtime.startProcessInstanceByKey(APP_KEY, Workload.startForm(ticket))
              : runtime.startProcessInstanceByKey(variant.key(), workload.baselineBusinessKey(),
                  workload.baselineStart(ticket));
        } finally {
          StatementCounts.STARTING.remove();
        }
        starts.add(System.nanoTime() - began);
        requestTypes.put(instance.getId(), Workload.requestType(ticket));
      });
    }
    long start = System.nanoTime();
    double machineCpuBefore = machineCpuMillis();
    double jvmCpuBefore = jvmCpuMillis();
    H2FileCounters h2Before = H2FileCounters.of(jdbc);
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      Thread worker = new Thread(() -> {
        while (!done.get()) {
          try {
            Runnable next = work.poll(20, TimeUnit.MILLISECONDS);
            if (next != null) {
              next.run();
            }
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-worker-" + w);
      worker.start();
      workers.add(worker);
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (finished(variant) - finishedBefore < n) {
      for (Task task : tasks.createTaskQuery().processDefinitionKey(variant.key()).active().listPage(0, 2000)) {
        if (dispatched.add(task.getId())) {
          work.add(() -> {
            try {
              String type = requestTypes.getOrDefault(task.getProcessInstanceId(), "equipment_support");
              Map<String, Object> form = Workload.form(task.getTaskDefinitionKey(), type);
              long began = System.nanoTime();
              tasks.complete(task.getId(), form);
              latencies.add(System.nanoTime() - began);
            } catch (RuntimeException e) {
              errors.incrementAndGet();
              dispatched.remove(task.getId());
            }
          });
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(variant.name() + ": round of " + n + " did not finish in 10 minutes");
      }
      // the polling itself costs CPU that the engine under test would use: no faster than people would notice
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double machineCpu = machineCpuMillis() - machineCpuBefore;
    double jvmCpu = jvmCpuMillis() - jvmCpuBefore;
    H2FileCounters h2After = H2FileCounters.of(jdbc);
    done.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    long endedAt = System.currentTimeMillis();
    RoundResult result = new RoundResult(n, seconds, new ArrayList<>(latencies), new ArrayList<>(starts), errors.get(),
        endedAt - Math.round(seconds * 1000), endedAt, machineCpu, jvmCpu,
        (h2After.bytesWritten() - h2Before.bytesWritten()) / 1024.0 / n, (h2After.reads() - h2Before.reads()) / (double) n);
    System.out.printf(java.util.Locale.ROOT, "[bench] %s %-8s %5d tickets %7.1f s %7.1f tickets/s errors %d, CPU per "
        + "ticket %.0f ms (machine) %.0f ms (JVM)%n", database(), variant.name(), n, seconds, result.ticketsPerSecond(),
        errors.get(), result.machineCpuMillisPerTicket(), result.jvmCpuMillisPerTicket());
    if (result.h2WrittenKilobytesPerTicket() > 0) {
      System.out.printf(java.util.Locale.ROOT, "[bench] %s %-8s H2 file per ticket: %.0f KB written in %.1f chunk "
          + "writes, %.0f reads from the file%n", database(), variant.name(), result.h2WrittenKilobytesPerTicket(),
          (h2After.writes() - h2Before.writes()) / (double) n, result.h2ReadsPerTicket());
    }
    return result;
  }

  /**
   * What an embedded H2 file's store has written and read so far (its own counters; zeros on PostgreSQL). A round's
   * difference per ticket shows how much file a ticket's commits write: every commit writes every page it changed and
   * the path to its map's root ("Issue 19, seventh pass"); reads are pages fetched back from the file.
   */
  record H2FileCounters(long bytesWritten, long writes, long reads) {
    static H2FileCounters of(JdbcTemplate jdbc) {
      try (java.sql.Connection connection = jdbc.getDataSource().getConnection()) {
        return H2FileMaintenance.store(connection).map(store -> store.getFileStore())
            .map(file -> new H2FileCounters(counter(file, "writeBytes"), counter(file, "writeCount"),
                counter(file, "readCount")))
            .orElse(new H2FileCounters(0, 0, 0));
      } catch (java.sql.SQLException e) {
        return new H2FileCounters(0, 0, 0);
      }
    }

    /** H2 keeps the byte count in a protected field (only the counts have getters). */
    private static long counter(org.h2.mvstore.FileStore<?> file, String name) {
      try {
        java.lang.reflect.Field field = org.h2.mvstore.FileStore.class.getDeclaredField(name);
        field.setAccessible(true);
        return ((java.util.concurrent.atomic.AtomicLong) field.get(file)).get();
      } catch (ReflectiveOperationException e) {
        return 0;
      }
    }
  }

  private long finished(Variant variant) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(variant.key()).finished().count();
  }
}
