package org.mesadeayuda.bench;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * What a ticket asks of the database: every statement the application and the engine execute (each row of a JDBC
 * batch counts as one) is counted by kind and table, so a round's counts divided by its tickets say what one ticket
 * costs in the database, for the application and for the baseline side by side. On with {@code -Dbench.statements=true}
 * (a proxy on every connection; off, the data source is left alone). Writes target/bench/statements-&lt;database&gt;.md.
 */
final class StatementCounts implements BeanPostProcessor {

  static final boolean ON = Boolean.getBoolean("bench.statements");
  private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
  private static final Pattern SHAPE = Pattern.compile(
      "^\\s*(select|insert\\s+into|update|delete\\s+from|delete|merge\\s+into|call|values|commit|rollback)\\b(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern FROM = Pattern.compile("\\bfrom\\s+([A-Za-z_\\.]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST = Pattern.compile("^\\s*([A-Za-z_\\.]+)");

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (!ON || !(bean instanceof DataSource dataSource)) {
      return bean;
    }
    return proxy(DataSource.class, dataSource, (method, args, result) -> result instanceof Connection connection
        ? proxy(Connection.class, connection, StatementCounts::onConnection) : result);
  }

  static void reset() {
    COUNTS.clear();
  }

  static Map<String, Long> snapshot() {
    Map<String, Long> result = new TreeMap<>();
    COUNTS.forEach((key, count) -> result.put(key, count.sum()));
    return result;
  }

  /** One table: statements per ticket of each variant, from the counts of their rounds. */
  static void write(String database, Map<String, Long> app, long appTickets, Map<String, Long> baseline,
      long baselineTickets) throws IOException {
    StringBuilder text = new StringBuilder("## JDBC statements per ticket (" + database + ")\n\n"
        + "Every statement of the rounds (a row of a JDBC batch counts as one), by kind and table; application "
        + appTickets + " tickets, baseline " + baselineTickets + ".\n\n"
        + "| statement | application per ticket | baseline per ticket | difference |\n|---|---|---|---|\n");
    TreeSet<String> keys = new TreeSet<>(app.keySet());
    keys.addAll(baseline.keySet());
    double appTotal = 0;
    double baselineTotal = 0;
    Map<String, double[]> rows = new HashMap<>();
    for (String key : keys) {
      double a = app.getOrDefault(key, 0L) / (double) appTickets;
      double b = baseline.getOrDefault(key, 0L) / (double) baselineTickets;
      rows.put(key, new double[] {a, b});
      appTotal += a;
      baselineTotal += b;
    }
    rows.entrySet().stream()
        .sorted((x, y) -> Double.compare(y.getValue()[0] - y.getValue()[1], x.getValue()[0] - x.getValue()[1]))
        .forEach(row -> text.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f |%n", row.getKey(),
            row.getValue()[0], row.getValue()[1], row.getValue()[0] - row.getValue()[1])));
    text.append(String.format(Locale.ROOT, "| **all** | **%.1f** | **%.1f** | **%+.1f** |%n", appTotal,
        baselineTotal, appTotal - baselineTotal));
    Files.createDirectories(BenchReport.FOLDER);
    String file = "statements-" + database.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".md";
    Files.writeString(BenchReport.FOLDER.resolve(file), text);
    System.out.println(text);
  }

  private static Object onConnection(Method method, Object[] args, Object result) {
    String name = method.getName();
    if (result instanceof PreparedStatement statement && args != null && args.length > 0
        && args[0] instanceof String sql) {
      String key = key(sql);
      return proxy(PreparedStatement.class, statement, (m, a, r) -> {
        if (m.getName().startsWith("execute") && !"executeBatch".equals(m.getName()) || "addBatch".equals(m.getName())) {
          count(key);
        }
        return r;
      });
    }
    if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
      return proxy(Statement.class, statement, (m, a, r) -> {
        if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
          count(key(sql));
        }
        return r;
      });
    }
    if ("commit".equals(name) || "rollback".equals(name)) {
      count(name.toUpperCase(Locale.ROOT));
    }
    return result;
  }

  /** Statements run by a thread while it starts a ticket are also counted apart, prefixed "start:". */
  static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

  private static void count(String key) {
    COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
    if (STARTING.get() != null) {
      COUNTS.computeIfAbsent("start: " + key, k -> new LongAdder()).increment();
    }
    if (TRACE != null && TRACE.stream().anyMatch(table -> key.endsWith(" " + table) || key.equals(table))) {
      // who asks: the application's frames nearest the statement, and the engine's command
      String caller = java.util.Arrays.stream(Thread.currentThread().getStackTrace())
          .map(frame -> frame.getClassName() + "." + frame.getMethodName())
          .filter(frame -> frame.startsWith("org.mesadeayuda.") && !frame.contains(".bench.")
              || frame.startsWith("org.camunda.bpm.engine.impl.cmd."))
          .limit(3).collect(java.util.stream.Collectors.joining(" < "));
      COUNTS.computeIfAbsent("  from " + caller + " → " + key, k -> new LongAdder()).increment();
    }
  }

  /**
   * {@code -Dbench.statements.trace=TABLE[,TABLE…]}: also count who runs each statement on those tables ({@code COMMIT}
   * traces the commits).
   */
  private static final java.util.List<String> TRACE = System.getProperty("bench.statements.trace") == null ? null
      : java.util.List.of(System.getProperty("bench.statements.trace").toUpperCase(Locale.ROOT).split(","));

  static String key(String sql) {
    Matcher shape = SHAPE.matcher(sql);
    if (!shape.find()) {
      return "other";
    }
    String kind = shape.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    String rest = shape.group(2);
    Matcher table = kind.equals("SELECT") ? FROM.matcher(rest) : FIRST.matcher(rest);
    String name = table.find() ? table.group(1).toUpperCase(Locale.ROOT) : "?";
    if (kind.startsWith("DELETE") || kind.equals("SELECT")) {
      Matcher from = FROM.matcher(kind.equals("SELECT") ? rest : " from " + rest);
      name = from.find() ? from.group(1).toUpperCase(Locale.ROOT) : name;
    }
    return kind.replace(" INTO", "").replace(" FROM", "") + " " + name;
  }

  interface After {
    Object apply(Method method, Object[] args, Object result) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, After after) {
    InvocationHandler handler = (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return after.apply(method, args, result);
    };
    return (T) Proxy.newProxyInstance(StatementCounts.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
