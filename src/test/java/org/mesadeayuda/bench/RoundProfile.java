package org.mesadeayuda.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Issue 19, "profile before changing": a JFR recording of a benchmark run, split into its application rounds and its
 * baseline rounds and divided by the tickets of each, so the application's own cost shows as the difference. The run
 * writes its rounds to {@code target/bench/rounds-<database>.csv}; record with
 * <pre>
 * -Dbench.argLine="@src/deploy/jvm.options
 *     -XX:StartFlightRecording=filename=target/bench/h2.jfr,settings=profile"
 * </pre>
 * and read with
 * <pre>
 * java -cp target/test-classes org.mesadeayuda.bench.RoundProfile target/bench/rounds-h2file.csv target/bench/h2.jfr
 * </pre>
 * It prints, per ticket, application vs baseline: CPU samples by area (the first frame from the top that belongs to a
 * known library: H2's store, H2's SQL, MyBatis, PDF, FEEL…) and by the nearest application frame, allocated megabytes
 * by area, the collector's pauses, and the samples of a ticket's start (the engine's start command) alone. Stacks are
 * cut at JFR's depth (64 frames by default): add {@code -XX:FlightRecorderOptions=stackdepth=256} so a start's samples
 * all show their start command.
 */
public final class RoundProfile {

  /** Areas by package prefix, first match from the top of the stack wins. */
  private static final Map<String, String> AREAS = new LinkedHashMap<>();

  static {
    AREAS.put("com.openhtmltopdf", "PDF (openhtmltopdf, PDFBox)");
    AREAS.put("org.apache.pdfbox", "PDF (openhtmltopdf, PDFBox)");
    AREAS.put("org.apache.fontbox", "PDF (openhtmltopdf, PDFBox)");
    AREAS.put("org.thymeleaf", "templates (Thymeleaf)");
    AREAS.put("org.attoparser", "templates (Thymeleaf)");
    AREAS.put("jakarta.mail", "mail (Jakarta Mail)");
    AREAS.put("org.eclipse.angus", "mail (Jakarta Mail)");
    AREAS.put("org.camunda.feel", "FEEL / DMN");
    AREAS.put("camundajar.impl", "FEEL / DMN");
    AREAS.put("org.camunda.bpm.dmn", "FEEL / DMN");
    AREAS.put("org.h2.mvstore", "H2 store (pages, commits)");
    AREAS.put("org.h2", "H2 SQL");
    AREAS.put("org.apache.ibatis", "MyBatis (engine SQL)");
    AREAS.put("com.zaxxer.hikari", "connection pool");
    AREAS.put("org.postgresql", "PostgreSQL driver");
    AREAS.put("com.fasterxml.jackson", "JSON");
    AREAS.put("org.camunda.bpm", "engine");
    AREAS.put("org.springframework", "Spring");
    AREAS.put("org.mesadeayuda", "application code");
  }

  /** Command interceptors that wrap every command: not the frame that caused the work. */
  private static final List<String> WRAPPERS = List.of("DirectoryChanges", "InstitutionStartForms$Serving",
      ".bench.");

  private RoundProfile() {}

  record Round(String variant, int tickets, long fromMillis, long toMillis) {}

  static void writeRounds(String database, List<SupportRequestBench.RoundResult> app,
      List<SupportRequestBench.RoundResult> baseline) throws IOException {
    StringBuilder csv = new StringBuilder("variant,tickets,from_ms,to_ms\n");
    app.forEach(round -> csv.append("app,").append(round.tickets()).append(',').append(round.fromMillis())
        .append(',').append(round.toMillis()).append('\n'));
    baseline.forEach(round -> csv.append("baseline,").append(round.tickets()).append(',').append(round.fromMillis())
        .append(',').append(round.toMillis()).append('\n'));
    Files.createDirectories(BenchReport.FOLDER);
    Files.writeString(BenchReport.FOLDER.resolve("rounds-" + database.replaceAll("\\W", "").toLowerCase(Locale.ROOT)
        + ".csv"), csv);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: RoundProfile rounds-<database>.csv <recording>.jfr");
      System.exit(2);
    }
    List<Round> rounds = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      rounds.add(new Round(cells[0], Integer.parseInt(cells[1]), Long.parseLong(cells[2]), Long.parseLong(cells[3])));
    }
    Map<String, Integer> tickets = new HashMap<>();
    rounds.forEach(round -> tickets.merge(round.variant(), round.tickets(), Integer::sum));

    Map<String, Map<String, Double>> cpuByArea = new HashMap<>();
    Map<String, Map<String, Double>> cpuByFrame = new HashMap<>();
    Map<String, Map<String, Double>> allocationByArea = new HashMap<>();
    Map<String, Map<String, Double>> gc = new HashMap<>();
    Map<String, Map<String, Double>> startByArea = new HashMap<>();
    Map<String, Map<String, Double>> startByFrame = new HashMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[1]))) {
      String variant = variantAt(rounds, event.getStartTime());
      if (variant == null) {
        continue;
      }
      switch (event.getEventType().getName()) {
        case "jdk.ExecutionSample" -> {
          add(cpuByArea, variant, area(event.getStackTrace()), 1);
          add(cpuByFrame, variant, applicationFrame(event.getStackTrace()), 1);
          if (inStart(event.getStackTrace())) {
            add(startByArea, variant, area(event.getStackTrace()), 1);
            add(startByFrame, variant, applicationFrame(event.getStackTrace()), 1);
          }
        }
        case "jdk.ObjectAllocationSample" ->
            add(allocationByArea, variant, area(event.getStackTrace()), event.getLong("weight") / 1e6);
        case "jdk.GarbageCollection" -> {
          add(gc, variant, event.getString("name") + " pauses (ms)", event.getDuration("sumOfPauses").toNanos() / 1e6);
          add(gc, variant, event.getString("name") + " collections", 1);
        }
        default -> { }
      }
    }
    System.out.printf("Tickets: application %d, baseline %d (per ticket below)%n", tickets.getOrDefault("app", 0),
        tickets.getOrDefault("baseline", 0));
    print("CPU samples by area", cpuByArea, tickets, 25);
    print("CPU samples by nearest application frame", cpuByFrame, tickets, 30);
    print("CPU samples in a ticket's start (the synchronous part) by area", startByArea, tickets, 20);
    print("CPU samples in a ticket's start by nearest application frame", startByFrame, tickets, 25);
    print("allocated MB by area", allocationByArea, tickets, 25);
    print("collector (pauses in ms, collections)", gc, tickets, 10);
  }

  private static String variantAt(List<Round> rounds, Instant time) {
    long millis = time.toEpochMilli();
    for (Round round : rounds) {
      if (round.fromMillis() <= millis && millis <= round.toMillis()) {
        return round.variant();
      }
    }
    return null;
  }

  private static String area(RecordedStackTrace stack) {
    if (stack == null) {
      return "(no stack)";
    }
    for (RecordedFrame frame : stack.getFrames()) {
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, String> area : AREAS.entrySet()) {
        if (type.startsWith(area.getKey())) {
          return area.getValue();
        }
      }
    }
    return "JDK / other";
  }

  /** Whether the sample is of a ticket's start: the engine's start command, up to the first wait state. */
  private static boolean inStart(RecordedStackTrace stack) {
    return stack != null && stack.getFrames().stream().anyMatch(frame -> frame.getMethod().getType().getName()
        .equals("org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd"));
  }

  private static String applicationFrame(RecordedStackTrace stack) {
    if (stack == null) {
      return "(no stack)";
    }
    for (RecordedFrame frame : stack.getFrames()) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("org.mesadeayuda") && WRAPPERS.stream().noneMatch(type::contains)) {
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
      }
    }
    return stack.isTruncated() ? "(engine or library; stack truncated)" : "(engine or library)";
  }

  private static void add(Map<String, Map<String, Double>> table, String variant, String key, double amount) {
    table.computeIfAbsent(key, k -> new HashMap<>()).merge(variant, amount, Double::sum);
  }

  private static void print(String title, Map<String, Map<String, Double>> table, Map<String, Integer> tickets,
      int rows) {
    double appTickets = Math.max(1, tickets.getOrDefault("app", 0));
    double baselineTickets = Math.max(1, tickets.getOrDefault("baseline", 0));
    System.out.printf("%n| %s, per ticket | application | baseline | difference |%n|---|---|---|---|%n", title);
    double appTotal = 0;
    double baselineTotal = 0;
    for (Map<String, Double> row : table.values()) {
      appTotal += row.getOrDefault("app", 0.0) / appTickets;
      baselineTotal += row.getOrDefault("baseline", 0.0) / baselineTickets;
    }
    if (!title.startsWith("collector")) {
      System.out.printf(Locale.ROOT, "| **all** | %.2f | %.2f | %+.2f |%n", appTotal, baselineTotal,
          appTotal - baselineTotal);
    }
    table.entrySet().stream()
        .sorted((a, b) -> Double.compare(difference(b.getValue(), appTickets, baselineTickets),
            difference(a.getValue(), appTickets, baselineTickets)))
        .limit(rows)
        .forEach(row -> System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f |%n", row.getKey(),
            row.getValue().getOrDefault("app", 0.0) / appTickets,
            row.getValue().getOrDefault("baseline", 0.0) / baselineTickets,
            difference(row.getValue(), appTickets, baselineTickets)));
  }

  private static double difference(Map<String, Double> row, double appTickets, double baselineTickets) {
    return row.getOrDefault("app", 0.0) / appTickets - row.getOrDefault("baseline", 0.0) / baselineTickets;
  }
}
