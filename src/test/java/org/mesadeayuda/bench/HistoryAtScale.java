package org.mesadeayuda.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19: the database's growth per finished ticket on 100,000 tickets (-Dbench.lifecycles), before and after their
 * history time to live has passed and the engine's history cleanup has run, and whether the database stops growing.
 *
 * <p>100,000 lifecycles through the engine take hours on two cores, so the benchmark drives a few hundred real tickets
 * through their whole lifecycle (the templates) and then copies <em>their</em> rows until 100,000 finished tickets
 * exist: every engine history row of a template (process, activities, tasks, variables and their details, identity
 * links, decisions with inputs and outputs, job log, operation log, byte arrays), with every id that ties rows
 * together given the copy's suffix, and what the register keeps of it (the {@code support_ticket} row, its technical
 * report in {@code generated_document}, its rating link). The copies carry a removal time in the past, as on the day
 * their 180 days are over. Then the engine's own cleanup job (the application's settings: removal-time based, its
 * batch size and parallelism) deletes them through the job executor; the sizes are taken before, with the copies,
 * after the cleanup, and with a second generation of copies written after it (space freed by the cleanup is used
 * again: the database does not grow with finished cases). Writes target/bench/history-at-scale-&lt;database&gt;.md.
 */
final class HistoryAtScale {

  static final int TICKETS = Integer.getInteger("bench.lifecycles", 0);
  static final int TEMPLATES = Integer.getInteger("bench.lifecycles.templates", 200);
  static final int GENERATIONS = Integer.getInteger("bench.lifecycles.generations", 2);
  /** copies written per statement and transaction */
  private static final int COPIES_PER_STEP = Integer.getInteger("bench.lifecycles.copiesPerStep", 5);

  /** the engine history tables a process instance leaves rows in (and its byte arrays) */
  static final List<String> HISTORY = HistoryGrowth.TABLES;
  /** what the application keeps of a finished ticket: never cleaned up */
  static final List<String> REGISTER = List.of("SUPPORT_TICKET", "GENERATED_DOCUMENT", "PORTAL_RATING_TOKEN");

  /** columns that hold the id of a row of one process instance: a copy gets them with its suffix */
  private static final Set<String> INSTANCE_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_",
      "EXECUTION_ID_", "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "PARENT_TASK_ID_", "CALL_PROC_INST_ID_",
      "BYTEARRAY_ID_", "VAR_INST_ID_", "DEC_INST_ID_", "ROOT_DEC_INST_ID_", "JOB_ID_", "JOB_EXCEPTION_STACK_ID_",
      "SUPER_PROCESS_INSTANCE_ID_", "OPERATION_ID_", "CAUSE_INCIDENT_ID_", "ROOT_CAUSE_INCIDENT_ID_", "CONTENT_ID_",
      "EXTERNAL_TASK_ID_", "ERROR_DETAILS_ID_");

  record Sizes(long historyRows, long historyBytes, long registerBytes, long databaseBytes,
      Map<String, Long> tableBytes) {}

  private final String database;
  private final boolean postgres;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final HistoryService history;
  private final String processKey;
  private final List<String> lines = new ArrayList<>();
  private final List<String> rowsOfTable = new ArrayList<>();
  private final List<String> tableSizes = new ArrayList<>();

  HistoryAtScale(String database, JdbcTemplate jdbc, PlatformTransactionManager transactions, HistoryService history,
      String processKey) {
    this.database = database;
    this.postgres = database.toLowerCase(Locale.ROOT).contains("postgres");
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.history = history;
    this.processKey = processKey;
  }

  /** Copies the finished tickets of {@code processKey} up to {@link #TICKETS}, cleans them up, and again. */
  void run() throws Exception {
    List<String> templates = jdbc.queryForList("SELECT ID_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? "
        + "AND END_TIME_ IS NOT NULL", String.class, processKey);
    long templateRows = rows(templates);
    int copies = (int) Math.ceil((TICKETS - templates.size()) / (double) templates.size());
    long copiedTickets = (long) copies * templates.size();
    log("%s: %d real finished tickets (%d engine history rows, %.1f per ticket) copied %d times = %,d tickets",
        database, templates.size(), templateRows, templateRows / (double) templates.size(), copies, copiedTickets);

    Sizes base = sizes();
    table("the real tickets only", templates.size(), base, null, 0, 0);
    for (int generation = 1; generation <= GENERATIONS; generation++) {
      long start = System.nanoTime();
      copy(templates, generation, copies);
      double copySeconds = seconds(start);
      Sizes full = sizes();
      table("generation " + generation + ": + " + String.format(Locale.ROOT, "%,d", copiedTickets)
          + " finished tickets (copied in " + String.format(Locale.ROOT, "%.0f", copySeconds) + " s)",
          templates.size() + copiedTickets, full, base, copiedTickets, generation * copiedTickets);

      start = System.nanoTime();
      long jobRuns = cleanUp();
      double cleanupSeconds = seconds(start);
      if (postgres) {
        // what autovacuum does after a night's deletions (not VACUUM FULL: the space stays with the tables, for reuse)
        for (String table : HISTORY) {
          jdbc.execute("VACUUM " + table.toLowerCase(Locale.ROOT));
        }
      }
      Sizes cleaned = sizes();
      table("generation " + generation + ": after the cleanup (" + String.format(Locale.ROOT, "%,d", copiedTickets)
          + " tickets' history deleted by the cleanup job in " + String.format(Locale.ROOT, "%.0f", cleanupSeconds)
          + " s, " + jobRuns + " job runs: " + String.format(Locale.ROOT, "%,.0f", copiedTickets / cleanupSeconds)
          + " tickets/s)", templates.size() + copiedTickets, cleaned, base, copiedTickets,
          generation * copiedTickets);
    }
    write();
  }

  // ---- copying

  private void copy(List<String> templates, int generation, int copies) {
    String in = String.join(", ", Collections.nCopies(templates.size(), "?"));
    // a copy's removal time: an hour ago, as on the day its time to live is over
    Timestamp due = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
    Map<String, String> statements = new LinkedHashMap<>();
    for (String table : HISTORY) {
      statements.put(table, historyCopy(table, in));
    }
    statements.put("SUPPORT_TICKET", registerCopy("SUPPORT_TICKET", "process_instance_id", in));
    statements.put("GENERATED_DOCUMENT", registerCopy("GENERATED_DOCUMENT", "case_number", in));
    statements.put("PORTAL_RATING_TOKEN", registerCopy("PORTAL_RATING_TOKEN", "process_instance_id", in));
    long logEvery = Math.max(1, copies / 10);
    for (int from = 1; from <= copies; from += COPIES_PER_STEP) {
      checkDisk();
      int first = (generation - 1) * copies + from;
      int last = (generation - 1) * copies + Math.min(copies, from + COPIES_PER_STEP - 1);
      transaction.executeWithoutResult(status -> statements.forEach((table, sql) -> {
        // in the order of the statement's text: the removal time (history), the copies' numbers, the templates
        List<Object> arguments = new ArrayList<>();
        if (HISTORY.contains(table)) {
          arguments.add(due);
        }
        arguments.add(first);
        arguments.add(last);
        arguments.addAll(templates);
        jdbc.update(sql, arguments.toArray());
      }));
      if ((from - 1) % (logEvery * COPIES_PER_STEP) < COPIES_PER_STEP) {
        log("  copies %d–%d of generation %d written", from, Math.min(copies, from + COPIES_PER_STEP - 1), generation);
      }
    }
  }

  /** Parameters: the removal time, the first and last copy's numbers, the templates' process instance ids. */
  private String historyCopy(String table, String in) {
    List<String> columns = columns(table);
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      String upper = column.toUpperCase(Locale.ROOT);
      if (upper.equals("REMOVAL_TIME_")) {
        values.add("?");
      } else if (INSTANCE_IDS.contains(upper)) {
        values.add(copyId("t." + column));
      } else {
        values.add("t." + column);
      }
    }
    if (values.stream().filter("?"::equals).count() != 1) {
      throw new IllegalStateException(table + " has no REMOVAL_TIME_ column: " + columns);
    }
    // every one of these tables keeps the root process instance of its rows (what removal times are set by)
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
        + " FROM " + table + " t CROSS JOIN " + range() + " WHERE t.ROOT_PROC_INST_ID_ IN (" + in + ")";
  }

  /** The register rows of the templates (by process instance, or by case number for documents). */
  private String registerCopy(String table, String key, String in) {
    List<String> columns = new ArrayList<>(columns(table));
    columns.removeIf(column -> column.equalsIgnoreCase("id"));
    List<String> values = new ArrayList<>();
    String suffix = "'~' || CAST(g.x AS VARCHAR(10))";
    for (String column : columns) {
      String lower = column.toLowerCase(Locale.ROOT);
      values.add(switch (lower) {
        // SOP-2026-000042~400: 20 characters at most, the column's width
        case "ticket_number", "case_number" -> "t." + column + " || " + suffix;
        case "process_instance_id" -> copyId("t." + column);
        case "token_hash" -> "LEFT(t." + column + ", 58) || LPAD(CAST(g.x AS VARCHAR(10)), 6, '0')";
        default -> "t." + column;
      });
    }
    String where = key.equals("case_number")
        ? "t.case_number IN (SELECT s.ticket_number FROM support_ticket s WHERE s.process_instance_id IN (" + in + "))"
        : "t." + key + " IN (" + in + ")";
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
        + " FROM " + table + " t CROSS JOIN " + range() + " WHERE " + where;
  }

  /** Stops before the copies fill the machine's disk (the database's files are on it, H2's or PostgreSQL's). */
  private static void checkDisk() {
    try {
      long free = Files.getFileStore(Path.of(System.getProperty("java.io.tmpdir"))).getUsableSpace();
      long freeHere = Files.getFileStore(Path.of(".")).getUsableSpace();
      if (Math.min(free, freeHere) < 8L * 1024 * 1024 * 1024) {
        throw new IllegalStateException("less than 8 GB of disk left: copying stopped");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A copy's id: the template's id with its last seven characters replaced by the copy's number, so it keeps its
   * length (the bytes measured are those of real ids) and stays unique (Camunda's time-based UUIDs differ in their
   * first part; the last twelve characters are the machine's).
   */
  private static String copyId(String column) {
    return "CASE WHEN LENGTH(" + column + ") > 7 THEN LEFT(" + column + ", LENGTH(" + column + ") - 7) || '~' || "
        + "LPAD(CAST(g.x AS VARCHAR(10)), 6, '0') ELSE " + column + " || '~' || CAST(g.x AS VARCHAR(10)) END";
  }

  private String range() {
    return postgres ? "generate_series(CAST(? AS INTEGER), CAST(? AS INTEGER)) AS g(x)"
        : "SYSTEM_RANGE(CAST(? AS INTEGER), CAST(? AS INTEGER)) g";
  }

  private List<String> columns(String table) {
    return jdbc.query("SELECT * FROM " + table + " WHERE 1 = 0", resultSet -> {
      ResultSetMetaData meta = resultSet.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnName(i));
      }
      return names;
    });
  }

  // ---- cleanup

  /**
   * The engine's cleanup job, run by the job executor, until no history row is due in any table; returns its runs.
   * The job deletes a batch from every table per run and runs again at once while a table still had a full batch;
   * when it has rescheduled itself for the next night's window although rows are still due, it is asked again.
   */
  private long cleanUp() throws InterruptedException {
    Timestamp now = Timestamp.from(Instant.now());
    long runsBefore = cleanupRuns();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Integer.getInteger("bench.lifecycles.cleanupMinutes",
        120));
    long nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long due;
    while ((due = dueRows(now)) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the history cleanup deletes the due history within the time allowed: " + due
            + " rows still due");
      }
      boolean waitingForTheWindow = history.findHistoryCleanupJobs().stream()
          .allMatch(job -> job.getDuedate() == null || job.getDuedate().getTime() > System.currentTimeMillis() + 60_000);
      if (waitingForTheWindow) {
        history.cleanUpHistoryAsync(true);
      }
      if (System.nanoTime() > nextLog) {
        log("  cleanup: %,d history rows still due", due);
        nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      }
      Thread.sleep(5000);
    }
    // until the job has rescheduled itself for the next window: a run still due now would delete the next
    // generation's copies while they are written
    long idleBy = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < idleBy && history.findHistoryCleanupJobs().stream()
        .anyMatch(job -> job.getDuedate() != null && job.getDuedate().getTime() <= System.currentTimeMillis() + 60_000)) {
      Thread.sleep(1000);
    }
    return cleanupRuns() - runsBefore;
  }

  private long dueRows(Timestamp now) {
    long due = 0;
    for (String table : HISTORY) {
      due += jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE REMOVAL_TIME_ <= ?", Long.class, now);
    }
    return due;
  }

  private long cleanupRuns() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_DEF_TYPE_ = 'history-cleanup' "
        + "AND JOB_STATE_ = 2", Long.class);
  }

  // ---- sizes

  private long rows(List<String> roots) {
    String in = String.join(", ", Collections.nCopies(roots.size(), "?"));
    long rows = 0;
    for (String table : HISTORY) {
      rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ IN (" + in + ")",
          Long.class, roots.toArray());
    }
    return rows;
  }

  private Sizes sizes() {
    long rows = 0;
    long historyBytes = 0;
    long registerBytes = 0;
    Map<String, Long> tables = new LinkedHashMap<>();
    for (String table : HISTORY) {
      rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
      long size = size(table);
      historyBytes += size;
      tables.put(table, size);
    }
    for (String table : REGISTER) {
      long size = size(table);
      registerBytes += size;
      tables.put(table, size);
    }
    long databaseBytes = postgres
        ? jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class)
        : h2File();
    return new Sizes(rows, historyBytes, registerBytes, databaseBytes, tables);
  }

  private long size(String table) {
    return HistoryGrowth.size(jdbc, postgres, table);
  }

  private static long h2File() {
    double megabytes = MemorySampler.h2FileMegabytes();
    return Double.isNaN(megabytes) ? 0 : (long) (megabytes * 1024 * 1024);
  }

  // ---- report

  private void table(String title, long tickets, Sizes sizes, Sizes base, long historyAdded, long registerAdded) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d | %s | %s |", title, tickets,
        sizes.historyRows(), sizes.historyBytes(), sizes.registerBytes(), sizes.databaseBytes(),
        base == null ? "" : perTicket(sizes.historyBytes() - base.historyBytes(), historyAdded),
        base == null ? "" : perTicket(sizes.registerBytes() - base.registerBytes(), registerAdded)));
    rowsOfTable.add(text.toString());
    tableSizes.add(title + ": " + sizes.tableBytes());
    log("%s", text);
  }

  private static String perTicket(long bytes, long tickets) {
    return String.format(Locale.ROOT, "%,.0f", bytes / (double) tickets);
  }

  private void write() throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("## History at scale (").append(database).append(")\n\n");
    text.append(lines.get(0)).append(".\n\n");
    text.append("| state | finished tickets | engine history rows | engine history bytes | register bytes "
        + "(support_ticket, generated_document, portal_rating_token) | database bytes | history bytes per copied "
        + "ticket | register bytes per copied ticket (all generations) |\n|---|---|---|---|---|---|---|---|\n");
    rowsOfTable.forEach(row -> text.append(row).append('\n'));
    text.append("\nBytes: ").append(postgres
        ? "pg_total_relation_size (tables, indexes, TOAST); after a cleanup a plain VACUUM as autovacuum would run "
            + "(no VACUUM FULL: the freed space stays with each table and is used again); database: pg_database_size."
        : "H2 DISK_SPACE_USED per table; database: the H2 file (H2 reuses freed pages; the file shrinks only when "
            + "compacted).").append("\n\nPer table:\n\n");
    tableSizes.forEach(line -> text.append("- ").append(line).append('\n'));
    text.append("\nLog:\n\n```\n");
    lines.forEach(line -> text.append(line).append('\n'));
    text.append("```\n");
    Path file = BenchReport.FOLDER.resolve("history-at-scale-" + database.replaceAll("\\W", "")
        .toLowerCase(Locale.ROOT) + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void log(String format, Object... arguments) {
    String line = String.format(Locale.ROOT, format, arguments);
    lines.add(line);
    System.out.println("[bench] " + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME)
        .substring(0, 8) + " " + line);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
