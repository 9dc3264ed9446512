package org.mesadeayuda.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mesadeayuda.bench.SupportRequestBench.RoundResult;

/**
 * The benchmark's results: each database's run writes its rows under target/bench/parts/, then the whole table is
 * rebuilt from every part there, printed, and written to target/bench/results.md and results.csv.
 */
final class BenchReport {

  static final Path FOLDER = Path.of("target/bench");
  static final String CSV_HEADER = "kind,database,variant,tickets_per_round,rounds,tickets_per_s_median,"
      + "tickets_per_s_rounds,ratio_app_baseline,p50_ms,p95_ms,errors,peak_heap_mib,heap_pools_peak_mib,rss_hwm_mib,"
      + "query,history_tickets,first_ms,median_ms,load_average,date";

  private BenchReport() {}

  record Summary(double medianTicketsPerSecond, List<Double> roundsTicketsPerSecond, double p50Millis,
      double p95Millis, double startP50Millis, int errors, double medianMachineCpuMillis, double medianJvmCpuMillis) {}

  record Run(String database, int ticketsPerRound, int rounds, int workers, Summary app, Summary baseline,
      double peakHeapMegabytes, double rssMegabytes) {
    double ratio() {
      return app.medianTicketsPerSecond() / baseline.medianTicketsPerSecond();
    }
  }

  static Summary summary(List<RoundResult> rounds) {
    List<Double> perSecond = rounds.stream().map(RoundResult::ticketsPerSecond).toList();
    List<Long> latencies = new ArrayList<>();
    rounds.forEach(round -> latencies.addAll(round.completionNanos()));
    latencies.sort(null);
    List<Long> starts = new ArrayList<>();
    rounds.forEach(round -> starts.addAll(round.startNanos()));
    starts.sort(null);
    return new Summary(median(perSecond), perSecond, percentile(latencies, 50) / 1e6,
        percentile(latencies, 95) / 1e6, percentile(starts, 50) / 1e6,
        rounds.stream().mapToInt(RoundResult::errors).sum(),
        median(rounds.stream().map(RoundResult::machineCpuMillisPerTicket).toList()),
        median(rounds.stream().map(RoundResult::jvmCpuMillisPerTicket).toList()));
  }

  /**
   * The application's rounds with pieces of its work switched off ({@link Ablation}) beside the application's and the
   * baseline's: medians per variant, in {@code target/bench/ablation-<database>.md}.
   */
  static void writeAblation(String database, int perRound, List<RoundResult> app, List<RoundResult> baseline,
      Map<java.util.Set<String>, List<RoundResult>> ablated) throws IOException {
    Summary base = summary(baseline);
    StringBuilder md = new StringBuilder("## What each piece of the application's work costs (" + database + ")\n\n"
        + "Rounds of " + perRound + " tickets, every variant in every place in turn; medians. `-Dbench.ablate`, "
        + "README \"Issue 19, seventh pass\".\n\n"
        + "| variant | rounds | t/s | ratio to the baseline | CPU ms per ticket (machine) | CPU ratio baseline / variant"
        + " | JVM CPU ms per ticket | H2 KB written per ticket | H2 file reads per ticket | t/s per round |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n");
    Map<String, List<RoundResult>> rows = new java.util.LinkedHashMap<>();
    rows.put("application", app);
    ablated.forEach((pieces, rounds) -> rows.put("application " + Ablation.name(pieces), rounds));
    rows.put("baseline", baseline);
    rows.forEach((name, rounds) -> {
      Summary variant = summary(rounds);
      md.append("| ").append(name).append(" | ").append(rounds.size()).append(" | ")
          .append(number(variant.medianTicketsPerSecond())).append(" | ")
          .append(number(variant.medianTicketsPerSecond() / base.medianTicketsPerSecond())).append(" | ")
          .append(number(variant.medianMachineCpuMillis())).append(" | ")
          .append(number(base.medianMachineCpuMillis() / variant.medianMachineCpuMillis())).append(" | ")
          .append(number(variant.medianJvmCpuMillis())).append(" | ")
          .append(number(median(rounds.stream().map(RoundResult::h2WrittenKilobytesPerTicket).toList())))
          .append(" | ").append(number(median(rounds.stream().map(RoundResult::h2ReadsPerTicket).toList())))
          .append(" | ").append(variant.roundsTicketsPerSecond().stream().map(BenchReport::number).toList())
          .append(" |\n");
    });
    Files.createDirectories(FOLDER);
    Path file = FOLDER.resolve("ablation-" + database.replaceAll("\\W", "").toLowerCase(java.util.Locale.ROOT) + ".md");
    Files.writeString(file, md);
    System.out.println("[bench] " + file + "\n" + md);
  }

  static void write(Run run, Map<String, double[]> steps, int historyTickets, double historySeconds, Map<String, double[]> timings)
      throws IOException {
    String date = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    List<String> rows = new ArrayList<>();
    rows.add(runRow(run, "app", run.app(), date, load));
    rows.add(runRow(run, "baseline", run.baseline(), date, load));
    timings.forEach((query, millis) -> rows.add(String.join(",", "history", run.database(), "", "", "", "", "", "",
        "", "", "", "", "", "", quote(query), String.valueOf(historyTickets), number(millis[0]), number(millis[1]),
        load, date)));
    steps.forEach((step, figures) -> rows.add(String.join(",", "step", run.database(), "app", "", "", "", "", "", "",
        "", "", "", "", "", step, number(figures[0]), number(figures[1]), number(figures[2]), load, date)));
    rows.add(String.join(",", "start", run.database(), "app", "", "", "", "", "", "", "", "", "", "", "",
        "start p50", "", number(run.app().startP50Millis()), number(run.baseline().startP50Millis()), load, date));
    // CPU per ticket (median of the rounds, ms): the whole machine's and the JVM's, and baseline ÷ application
    rows.add(String.join(",", "cpu", run.database(), "app", "", "", "", "", "", "", "", "", "", "", "",
        "CPU ms per ticket (machine)", "", number(run.app().medianMachineCpuMillis()),
        number(run.baseline().medianMachineCpuMillis()), load, date));
    rows.add(String.join(",", "cpu", run.database(), "app", "", "", "", "", "", "", "", "", "", "", "",
        "CPU ms per ticket (JVM)", "", number(run.app().medianJvmCpuMillis()),
        number(run.baseline().medianJvmCpuMillis()), load, date));
    rows.add(String.join(",", "history-load", run.database(), "", "", "", "", "", "", "", "", "", "", "", "",
        "bulk insert", String.valueOf(historyTickets), number(historySeconds * 1000), "", load, date));
    Path parts = FOLDER.resolve("parts");
    Files.createDirectories(parts);
    Files.write(parts.resolve(run.database().replaceAll("\\W", "").toLowerCase(Locale.ROOT) + ".csv"), rows);
    merge();
  }

  private static String runRow(Run run, String variant, Summary summary, String date, String load) {
    return String.join(",", "throughput", run.database(), variant, String.valueOf(run.ticketsPerRound()),
        String.valueOf(run.rounds()), number(summary.medianTicketsPerSecond()),
        quote(summary.roundsTicketsPerSecond().stream().map(BenchReport::number).toList().toString()),
        "app".equals(variant) ? number(run.ratio()) : "", number(summary.p50Millis()), number(summary.p95Millis()),
        String.valueOf(summary.errors()), number(run.peakHeapMegabytes()),
        number(MemorySampler.heapPoolsPeakMegabytes()), number(run.rssMegabytes()), "", "", "", "", load, date);
  }

  /** Rebuilds results.csv and results.md from every database's part. */
  static void merge() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (Stream<Path> parts = Files.list(FOLDER.resolve("parts"))) {
      for (Path part : parts.sorted().toList()) {
        for (String line : Files.readAllLines(part)) {
          rows.add(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
        }
      }
    }
    List<String> csv = new ArrayList<>();
    csv.add(CSV_HEADER);
    rows.forEach(row -> csv.add(String.join(",", row)));
    Files.write(FOLDER.resolve("results.csv"), csv);

    StringBuilder md = new StringBuilder();
    md.append("| database | app t/s | baseline t/s | ratio app/baseline | app p50 / p95 ms | baseline p50 / p95 ms")
        .append(" | peak heap MiB | peak RSS MiB | load avg | date |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (String[] app : rows) {
      if (!"throughput".equals(app[0]) || !"app".equals(app[2])) {
        continue;
      }
      String[] baseline = rows.stream().filter(r -> "throughput".equals(r[0]) && r[1].equals(app[1])
          && "baseline".equals(r[2])).findFirst().orElseThrow();
      md.append("| ").append(app[1]).append(" | ").append(app[5]).append(" | ").append(baseline[5]).append(" | **")
          .append(app[7]).append("** | ").append(app[8]).append(" / ").append(app[9]).append(" | ")
          .append(baseline[8]).append(" / ").append(baseline[9]).append(" | ").append(app[11]).append(" | ")
          .append(app[13]).append(" | ").append(app[18]).append(" | ").append(app[19]).append(" |\n");
    }
    md.append("\nTickets per round ").append(rows.stream().filter(r -> "throughput".equals(r[0])).findFirst()
        .map(r -> r[3] + " × " + r[4] + " rounds per variant, alternated (A B A B …) after a warm-up; t/s per round: ")
        .orElse(""));
    rows.stream().filter(r -> "throughput".equals(r[0]))
        .forEach(r -> md.append(r[1]).append(' ').append(r[2]).append(' ').append(r[6].replace("\"", "")).append("; "));
    md.append("\n\n| database | monthly indicator or dashboard query (history of ")
        .append(rows.stream().filter(r -> "history".equals(r[0])).findFirst().map(r -> r[15]).orElse("?"))
        .append(" finished tickets) | first run ms | median of 5 ms |\n|---|---|---|---|\n");
    rows.stream().filter(r -> "history".equals(r[0])).forEach(r -> md.append("| ").append(r[1]).append(" | ")
        .append(r[14].replace("\"", "")).append(" | ").append(r[16]).append(" | ").append(r[17]).append(" |\n"));
    md.append("\n| database | application step (delegate or listener) | calls | total ms | mean ms |\n")
        .append("|---|---|---|---|---|\n");
    rows.stream().filter(r -> "step".equals(r[0])).forEach(r -> md.append("| ").append(r[1]).append(" | ")
        .append(r[14]).append(" | ").append(r[15]).append(" | ").append(r[16]).append(" | ").append(r[17])
        .append(" |\n"));
    rows.stream().filter(r -> "start".equals(r[0])).forEach(r -> md.append("\n").append(r[1])
        .append(": starting a ticket (synchronous part, p50) app ").append(r[16]).append(" ms, baseline ")
        .append(r[17]).append(" ms."));
    rows.stream().filter(r -> "cpu".equals(r[0])).forEach(r -> md.append("\n").append(r[1]).append(": ")
        .append(r[14]).append(" (median of the rounds) app ").append(r[16]).append(", baseline ").append(r[17])
        .append(String.format(Locale.ROOT, " (baseline ÷ app %.2f).", Double.parseDouble(r[17])
            / Double.parseDouble(r[16]))));
    rows.stream().filter(r -> "history-load".equals(r[0])).forEach(r -> md.append("\n").append(r[1])
        .append(": bulk insert of ").append(r[15]).append(" tickets (register + ACT_HI_PROCINST + 5 × ACT_HI_TASKINST) in ")
        .append(r[16]).append(" ms."));
    md.append("\n");
    Files.writeString(FOLDER.resolve("results.md"), md.toString());
    System.out.println("\n[bench] results (target/bench/results.md)\n" + md);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static double percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\"", "'") + "\"";
  }
}
