package org.mesadeayuda.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.aop.framework.ProxyFactory;
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
    boolean step = bean instanceof JavaDelegate || bean instanceof ExecutionListener || bean instanceof TaskListener;
    if (!step) {
      return bean;
    }
    // a subclass proxy keeps the bean's type: some step beans are also injected by their class
    // (SeatReservations is the "releaseSeatReservation" listener and a service of ReserveSeat)
    ProxyFactory proxy = new ProxyFactory(bean);
    proxy.setProxyTargetClass(true);
    proxy.addAdvice((MethodInterceptor) invocation -> {
      String method = invocation.getMethod().getName();
      if (!"execute".equals(method) && !"notify".equals(method)) {
        return invocation.proceed();
      }
      long start = System.nanoTime();
      try {
        return invocation.proceed();
      } finally {
        record(name, System.nanoTime() - start);
      }
    });
    return proxy.getProxy();
  }

  private static void record(String name, long nanos) {
    LongAdder[] total = TOTALS.computeIfAbsent(name, key -> new LongAdder[] {new LongAdder(), new LongAdder()});
    total[0].add(nanos);
    total[1].increment();
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
