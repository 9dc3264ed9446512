package org.mesadeayuda.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: what one finished ticket leaves in the engine's history tables, and what is left once its history time to
 * live has passed and the history cleanup has run (the register row stays). Runs on the application tickets the
 * benchmark has just driven through their lifecycle: their removal time is moved to now (as if their 180 days had
 * passed; the engine's own batch, no SQL) and the cleanup job is run by the job executor. Writes
 * target/bench/history-growth-&lt;database&gt;.md.
 */
final class HistoryGrowth {

  static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT",
      "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_GE_BYTEARRAY");

  private HistoryGrowth() {}

  record Measure(long rows, long bytes, long registerBytes) {}

  static String measure(String database, JdbcTemplate jdbc, HistoryService history, String processKey)
      throws Exception {
    boolean postgres = database.toLowerCase(Locale.ROOT).contains("postgres");
    long tickets = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).finished().count();
    Measure before = sizes(jdbc, postgres, processKey);

    Batch removal = history.setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(new Date(System.currentTimeMillis() - 1000))
        .byQuery(history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).finished())
        .hierarchical().executeAsync();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (history.createHistoricBatchQuery().batchId(removal.getId()).completed(true).count() == 0) {
      check(deadline, "the removal time batch ends");
      Thread.sleep(200);
    }
    long cleanupStart = System.nanoTime();
    long nextRequest = 0;
    while (history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count() > 0) {
      check(deadline, "the history cleanup removes the tickets' history");
      if (System.nanoTime() > nextRequest) {
        // the job executor runs the cleanup job now (it reschedules itself while there is more to delete); asking
        // again while it runs only makes the two fight over the job row
        history.cleanUpHistoryAsync(true);
        nextRequest = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      }
      Thread.sleep(200);
    }
    double cleanupSeconds = (System.nanoTime() - cleanupStart) / 1e9;
    if (postgres) {
      for (String table : TABLES) {
        jdbc.execute("VACUUM FULL " + table.toLowerCase(Locale.ROOT));
      }
    }
    Measure after = sizes(jdbc, postgres, processKey);

    String text = """
        ## History growth per finished ticket (%s)

        %d finished application tickets (`%s`); engine history = %s.

        | | history rows of these tickets | rows per ticket | all engine history tables, bytes | those bytes ÷ these tickets | register (`support_ticket`) bytes |
        |---|---|---|---|---|---|
        | after the rounds | %d | %.1f | %,d | %,.0f | %,d |
        | after their TTL and the cleanup | %d | %.1f | %,d | %,.0f | %,d |

        Cleanup of %d tickets by the job executor: %.1f s. Bytes: %s.
        """.formatted(database, tickets, processKey, String.join(", ", TABLES), before.rows(),
        before.rows() / (double) tickets, before.bytes(), before.bytes() / (double) tickets, before.registerBytes(),
        after.rows(), after.rows() / (double) tickets, after.bytes(), after.bytes() / (double) tickets,
        after.registerBytes(), tickets, cleanupSeconds,
        postgres ? "pg_total_relation_size after VACUUM FULL of the history tables (baseline tickets' history "
            + "included in both)" : "H2 DISK_SPACE_USED per table, baseline tickets' history included in both; H2 reuses the freed pages but gives the "
            + "file space back only when compacted (SHUTDOWN COMPACT)");
    Path file = Path.of("target/bench/history-growth-" + database.replaceAll("\\W", "").toLowerCase(Locale.ROOT)
        + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    System.out.println(text);
    return text;
  }

  private static void check(long deadline, String what) {
    if (System.nanoTime() > deadline) {
      throw new AssertionError(what + " within 10 minutes");
    }
  }

  private static Measure sizes(JdbcTemplate jdbc, boolean postgres, String processKey) throws IOException {
    long rows = 0;
    long bytes = 0;
    List<String> withRoot = new ArrayList<>(TABLES);
    withRoot.remove("ACT_GE_BYTEARRAY");
    for (String table : withRoot) {
      rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ IN (SELECT ID_ FROM "
          + "ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?)", Long.class, processKey);
    }
    for (String table : TABLES) {
      bytes += size(jdbc, postgres, table);
    }
    return new Measure(rows, bytes, size(jdbc, postgres, "SUPPORT_TICKET"));
  }

  /** A table's bytes: with indexes and TOAST on PostgreSQL, H2's pages of it on H2. */
  static long size(JdbcTemplate jdbc, boolean postgres, String table) {
    Long size = postgres
        ? jdbc.queryForObject("SELECT pg_total_relation_size('" + table.toLowerCase(Locale.ROOT) + "')", Long.class)
        : jdbc.queryForObject("SELECT DISK_SPACE_USED('" + table + "')", Long.class);
    return size == null ? 0 : size;
  }
}
