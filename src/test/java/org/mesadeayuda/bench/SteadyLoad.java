package org.mesadeayuda.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The steady-load run's samples (issue 19): every {@code bench.soak.sampleMinutes} the benchmark asks for a full
 * collection and writes down the heap still in use after it (what the application keeps), with the resident size,
 * metaspace and threads. Writes target/bench/steady-load-&lt;database&gt;.md.
 */
final class SteadyLoad {

  static final int MINUTES = Integer.getInteger("bench.soak.minutes", 0);
  static final int SAMPLE_MINUTES = Integer.getInteger("bench.soak.sampleMinutes", 5);

  record Sample(double minute, long tickets, double heapAfterFullGc, double rss, double metaspace, int threads,
      double databaseFile) {}

  private final String database;
  private final long start = System.nanoTime();
  private final String began = now();
  private long nextSample;
  private final List<Sample> samples = new ArrayList<>();

  SteadyLoad(String database) {
    this.database = database;
  }

  boolean over() {
    return System.nanoTime() - start >= TimeUnit.MINUTES.toNanos(MINUTES);
  }

  boolean sampleDue() {
    return System.nanoTime() >= nextSample;
  }

  long lastTickets() {
    return samples.isEmpty() ? -1 : samples.get(samples.size() - 1).tickets();
  }

  void sample(long tickets) throws InterruptedException {
    // the parallel collector (src/deploy/jvm.options) collects the whole heap on System.gc()
    System.gc();
    Thread.sleep(500);
    System.gc();
    double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    double metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.NON_HEAP && pool.getName().equals("Metaspace"))
        .mapToLong(pool -> pool.getUsage().getUsed()).sum() / 1048576.0;
    Sample sample = new Sample((System.nanoTime() - start) / 6e10, tickets, heap, MemorySampler.rssMegabytes(), metaspace,
        ManagementFactory.getThreadMXBean().getThreadCount(), MemorySampler.h2FileMegabytes());
    samples.add(sample);
    System.out.printf(Locale.ROOT, "[bench] steady load %5.1f min %6d tickets heap after full GC %6.1f MiB "
        + "RSS %6.1f MiB metaspace %5.1f MiB threads %d%n", sample.minute(), tickets, heap, sample.rss(), metaspace,
        sample.threads());
    nextSample = System.nanoTime() + TimeUnit.MINUTES.toNanos(SAMPLE_MINUTES);
    try {
      // as it goes: a run that dies (a full disk, an out-of-memory exit) still leaves its samples
      write();
    } catch (IOException e) {
      System.out.println("[bench] steady load: " + e);
    }
  }

  void write() throws IOException {
    StringBuilder text = new StringBuilder("## Steady load (" + database + ")\n\n" + "From " + began + " to " + now()
        + ": application tickets through their whole lifecycle, 8 workers, rounds of 100 back to back; every "
        + SAMPLE_MINUTES + " minutes a full collection (System.gc(), parallel collector) and the heap still in use "
        + "after it.\n\n| minute | tickets finished | heap after full GC MiB | RSS MiB | metaspace MiB | threads | "
        + "H2 file MiB |\n|---|---|---|---|---|---|---|\n");
    for (Sample s : samples) {
      text.append(String.format(Locale.ROOT, "| %.1f | %,d | %.1f | %.1f | %.1f | %d | %.0f |%n", s.minute(),
          s.tickets(), s.heapAfterFullGc(), s.rss(), s.metaspace(), s.threads(), s.databaseFile()));
    }
    if (samples.size() >= 4) {
      // the first sample is just after the warm-up; compare the second half's growth per 10,000 tickets
      Sample middle = samples.get(samples.size() / 2);
      Sample last = samples.get(samples.size() - 1);
      double per10k = (last.heapAfterFullGc() - middle.heapAfterFullGc())
          / Math.max(1, last.tickets() - middle.tickets()) * 10_000;
      text.append(String.format(Locale.ROOT, "%nSecond half (minute %.0f to %.0f, %,d tickets): heap after full GC "
          + "%+.1f MiB (%+.1f MiB per 10,000 tickets); RSS high-water mark %.1f MiB.%n", middle.minute(),
          last.minute(), last.tickets() - middle.tickets(), last.heapAfterFullGc() - middle.heapAfterFullGc(),
          per10k, MemorySampler.rssHighWaterMarkMegabytes()));
    }
    Files.createDirectories(BenchReport.FOLDER);
    Files.writeString(BenchReport.FOLDER.resolve("steady-load-"
        + database.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".md"), text);
  }

  private static String now() {
    return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
  }
}
