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
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
