package org.mesadeayuda.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;

/**
 * The dashboard's queries timed by the benchmark's history-scale part (issue 18: under 300 ms on 100,000 finished
 * tickets): everything the page reads for one viewer, as one figure, and the slowest single queries on their own.
 * First run and median of five, in milliseconds. Public for the benchmark's package; nothing else uses it.
 */
public final class DashboardTimings {

  private DashboardTimings() {}

  public static Map<String, double[]> time(ApplicationContext context, Instant now, String headDepartment) {
    DashboardFigures figures = context.getBean(DashboardFigures.class);
    YearMonth month = figures.monthOf(now);
    Viewer all = Viewer.everything("bench.calidad", "Gestión de calidad");
    Viewer head = new Viewer("bench.jefa", "Jefatura de departamento", Set.of(headDepartment));
    Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
    queries.put("dashboard " + month + ", all departments: every figure of the page", () -> page(figures, all, now));
    queries.put("dashboard " + month + ", head of " + headDepartment + ": every figure of the page",
        () -> page(figures, head, now));
    queries.put("dashboard: 12-month trend, all departments", () -> figures.trend(all, month));
    queries.put("dashboard: 12-month trend, head", () -> figures.trend(head, month));
    queries.put("dashboard: month's conformity + satisfaction + first response, head", () -> {
      figures.conformity(head, month);
      figures.satisfaction(head, month);
      return figures.firstResponse(head, month);
    });
    queries.put("dashboard: list behind 'vencidas', all departments",
        () -> figures.tickets(all, new TicketFilter(TicketFilter.Kind.LIGHT, "breached"), now,
            DashboardPage.LIST_LIMIT));
    Map<String, double[]> timings = new LinkedHashMap<>();
    queries.forEach((name, query) -> {
      double[] runs = new double[5];
      for (int i = 0; i < runs.length; i++) {
        long start = System.nanoTime();
        query.get();
        runs[i] = (System.nanoTime() - start) / 1e6;
      }
      double first = runs[0];
      Arrays.sort(runs);
      timings.put(name, new double[] {first, runs[2]});
    });
    return timings;
  }

  /** What {@link DashboardPage#board} reads from the registers. */
  static Object page(DashboardFigures figures, Viewer viewer, Instant now) {
    YearMonth month = figures.monthOf(now);
    figures.trafficLight(viewer, now);
    figures.openPerState(viewer);
    figures.openPerPriority(viewer);
    figures.openPerProcedure(viewer);
    figures.openPerType(viewer);
    figures.aging(viewer, now);
    figures.loadPerTechnician(viewer, now);
    figures.firstResponse(viewer, month);
    figures.conformity(viewer, month);
    figures.satisfaction(viewer, month);
    figures.maintenance(viewer);
    return figures.trend(viewer, month);
  }
}
