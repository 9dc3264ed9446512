package org.mesadeayuda.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Where the application's time goes: every delegate and listener bean of the application is wrapped so the benchmark
 * can tell how long each step took in total (the part of the engine's transaction that is ours).
 */
final class StepTimings implements BeanPostProcessor {

  private static final Map<String, LongAdder[]> TOTALS = new ConcurrentHashMap<>();

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (!bean.getClass().getName().startsWith("org.mesadeayuda.")) {
      return bean;
    }
    if (bean instanceof JavaDelegate delegate) {
      return (JavaDelegate) execution -> time(name, () -> delegate.execute(execution));
    }
    if (bean instanceof ExecutionListener listener) {
      return (ExecutionListener) execution -> time(name, () -> listener.notify(execution));
    }
    if (bean instanceof TaskListener listener) {
      return (TaskListener) task -> {
        try {
          time(name, () -> listener.notify(task));
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
    }
    return bean;
  }

  interface Step {
    void run() throws Exception;
  }

  private static void time(String name, Step step) throws Exception {
    long start = System.nanoTime();
    try {
      step.run();
    } finally {
      LongAdder[] total = TOTALS.computeIfAbsent(name, key -> new LongAdder[] {new LongAdder(), new LongAdder()});
      total[0].add(System.nanoTime() - start);
      total[1].increment();
    }
  }

  static void reset() {
    TOTALS.clear();
  }

  /** Step name → {calls, total ms, mean ms}. */
  static Map<String, double[]> snapshot() {
    Map<String, double[]> result = new TreeMap<>();
    TOTALS.forEach((name, total) -> result.put(name, new double[] {total[1].sum(), total[0].sum() / 1e6,
        total[0].sum() / 1e6 / Math.max(1, total[1].sum())}));
    return result;
  }
}
