package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What ticket numbers must guarantee on every database: shared by the H2 and PostgreSQL tests. */
final class TicketNumbersContract {

  private TicketNumbersContract() {}

  static List<String> drawConcurrently(TicketNumbers ticketNumbers, String prefix, int threads, int perThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<List<String>> worker = () -> {
          start.await();
          List<String> drawn = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            drawn.add(ticketNumbers.next(prefix));
          }
          return drawn;
        };
        futures.add(pool.submit(worker));
      }
      start.countDown();
      List<String> all = Collections.synchronizedList(new ArrayList<>());
      for (Future<List<String>> future : futures) {
        all.addAll(future.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  static void assertUniqueAndGapless(List<String> numbers, int expected) {
    assertThat(numbers).hasSize(expected).doesNotHaveDuplicates();
    assertThat(numbers.stream().mapToLong(number -> Long.parseLong(number.substring(number.lastIndexOf('-') + 1)))
        .max().orElseThrow()).isEqualTo(expected);
  }
}
