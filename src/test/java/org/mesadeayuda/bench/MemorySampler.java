package org.mesadeayuda.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak heap while the rounds run (sampled used heap and the pools' own peaks) and the process's peak RSS. */
final class MemorySampler {

  private volatile boolean running;
  private volatile long peakUsed;
  private Thread thread;

  void start() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    running = true;
    thread = new Thread(() -> {
      while (running) {
        peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-memory");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join();
  }

  /** The highest heap in use seen (sampled every 100 ms), in MiB. */
  double peakHeapMegabytes() {
    return peakUsed / 1048576.0;
  }

  /** The sum of the heap pools' peaks since the rounds started (an upper bound: pools peak at different times). */
  static double heapPoolsPeakMegabytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / 1048576.0;
  }

  /** VmHWM of /proc/self/status: the most resident memory the JVM process ever had, in MiB. */
  static double rssHighWaterMarkMegabytes() {
    return statusMegabytes("VmHWM:");
  }

  /** VmRSS of /proc/self/status: the resident memory now, in MiB. */
  static double rssMegabytes() {
    return statusMegabytes("VmRSS:");
  }

  private static double statusMegabytes(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** The size of the benchmark's H2 files ({@link H2Bench#FOLDER}) in MiB, NaN when there are none (PostgreSQL). */
  static double h2FileMegabytes() {
    if (!Files.isDirectory(H2Bench.FOLDER)) {
      return Double.NaN;
    }
    try (var files = Files.walk(H2Bench.FOLDER)) {
      return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum() / 1048576.0;
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
