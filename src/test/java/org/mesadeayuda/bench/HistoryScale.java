package org.mesadeayuda.bench;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.mesadeayuda.dashboard.DashboardTimings;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.support.MonthlyIndicators;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of finished tickets written in bulk, as the application leaves them: one register row (support_ticket) per
 * ticket with every moment and answer the process records in it (received, assigned, first response and whether it
 * was late, resolved, closed, verified and rated), its process instance in ACT_HI_PROCINST and its five user tasks in
 * ACT_HI_TASKINST, then the monthly indicators and the dashboard timed on it.
 */
final class HistoryScale {

  static final int YEAR = 2025;
  static final YearMonth MEASURED_MONTH = YearMonth.of(YEAR, 6);
  private static final int BATCH = 1000;
  private static final String[] TASKS = {"Task_ReviewAndAssign", "Task_StartAttention", "Task_AttendRequest",
      "Task_CloseTicket", "Task_RateService"};
  private static final String[] TASK_NAMES = {"Revisar y asignar técnico", "Iniciar atención", "Atender solicitud",
      "Revisar y cerrar ticket", "Verificar solución y calificar"};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final BusinessCalendar calendar;
  private final Random random = new Random(42);

  HistoryScale(JdbcTemplate jdbc, PlatformTransactionManager transactions, BusinessCalendar calendar) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.calendar = calendar;
  }

  /** Writes {@code tickets} finished tickets spread over the months of {@link #YEAR}; returns the seconds it took. */
  double generate(int tickets, String processDefinitionId) {
    long start = System.nanoTime();
    List<Object[]> register = new ArrayList<>();
    List<Object[]> instances = new ArrayList<>();
    List<Object[]> tasks = new ArrayList<>();
    for (int i = 0; i < tickets; i++) {
      YearMonth month = YearMonth.of(YEAR, 1 + i % 12);
      LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
      while (!calendar.isBusinessDay(day)) {
        day = day.plusDays(1);
      }
      // the six moments the register and the history keep of a finished ticket (SR-3 to SR-12): received, assigned
      // by the desk, first response by the technician, resolved, closed by the desk, verified and rated
      ZonedDateTime opened = day.atTime(8 + random.nextInt(7), random.nextInt(60)).atZone(calendar.zone());
      ZonedDateTime firstResponseDue = calendar.addBusinessHours(opened, 12);
      ZonedDateTime assigned = opened.plusMinutes(5 + random.nextInt(90));
      // about one in ten first responses comes after its due time: the breach timer has marked the ticket (SR-9)
      boolean firstResponseLate = random.nextInt(100) < 10;
      ZonedDateTime firstResponse = firstResponseLate ? firstResponseDue.plusMinutes(1 + random.nextInt(240))
          : assigned.plusMinutes(10 + random.nextInt(120));
      ZonedDateTime resolved = calendar.addBusinessHours(opened, 1 + random.nextInt(36));
      if (!resolved.isAfter(firstResponse)) {
        resolved = firstResponse.plusMinutes(30 + random.nextInt(120));
      }
      ZonedDateTime closed = resolved.plusMinutes(30 + random.nextInt(240));
      ZonedDateTime rated = closed.plusMinutes(5 + random.nextInt(600));
      ZonedDateTime resolutionDue = calendar.addBusinessDays(opened, 3);
      int kind = random.nextInt(100);
      String sla = kind < 8 ? "exempt" : resolved.isAfter(resolutionDue) || kind < 20 ? "non_conforming" : "conforming";
      // one in twenty requesters lets the rating window run out: tacit verification, no answer (RecordRating)
      boolean tacit = i % 20 == 7;
      String satisfaction = tacit ? "sin_respuesta" : i % 5 == 0 ? "no_conforme" : "conforme";
      double businessDays = calendar.businessDaysBetween(java.util.Date.from(opened.toInstant()),
          java.util.Date.from(resolved.toInstant()));
      String number = "HIS-%d-%06d".formatted(YEAR, i + 1);
      String instance = UUID.randomUUID().toString();
      String type = Workload.requestType(i);
      register.add(new Object[] {number, instance, "Solicitante " + i, "ana.solicitante",
          "persona" + i % 300 + "@institucion.gob", "operaciones", "web", "ana.solicitante", type,
          "Soporte a equipos de cómputo", "tecnicos", "Solicitud histórica " + i, "INV-" + i % 2000, "medium",
          "medium", "medium", 2, "tomas.tecnico", ts(opened), ts(firstResponseDue), ts(firstResponse),
          firstResponseLate, ts(resolutionDue), "on_site", "Trabajo realizado " + i, ts(resolved), ts(closed), sla,
          satisfaction, tacit ? null : "Gracias", Math.round(businessDays * 100) / 100.0, ts(assigned),
          "tomas.tecnico", "phone", true, ts(assigned), "marta.mesa", tacit ? "tacit" : "confirmed", ts(rated)});
      instances.add(new Object[] {instance, instance, number, "support-request", processDefinitionId, ts(opened),
          ts(rated), ts(rated.plusDays(180)), millis(opened, rated), "ana.solicitante", "StartEvent_RequestReceived",
          "EndEvent_TicketClosed", instance, "COMPLETED"});
      ZonedDateTime[] moments = {opened, assigned, firstResponse, resolved, closed, rated};
      String[] assignees = {"marta.mesa", "tomas.tecnico", "tomas.tecnico", "marta.mesa", "ana.solicitante"};
      for (int t = 0; t < TASKS.length; t++) {
        String task = UUID.randomUUID().toString();
        tasks.add(new Object[] {task, TASKS[t], "support-request", processDefinitionId, instance, instance,
            instance, TASKS[t] + ":" + task, TASK_NAMES[t] + " — " + number, assignees[t], ts(moments[t]),
            ts(moments[t + 1]), millis(moments[t], moments[t + 1]), "completed", 50, ts(rated.plusDays(180)),
            "Completed"});
      }
      if (register.size() == BATCH) {
        flush(register, instances, tasks);
      }
    }
    flush(register, instances, tasks);
    return (System.nanoTime() - start) / 1e9;
  }

  private void flush(List<Object[]> register, List<Object[]> instances, List<Object[]> tasks) {
    if (register.isEmpty()) {
      return;
    }
    // one transaction per batch: a commit per row would measure the disk, not the database
    transaction.executeWithoutResult(status -> insert(register, instances, tasks));
    register.clear();
    instances.clear();
    tasks.clear();
  }

  private void insert(List<Object[]> register, List<Object[]> instances, List<Object[]> tasks) {
    jdbc.batchUpdate("INSERT INTO support_ticket (ticket_number, process_instance_id, requester_name,"
        + " requester_user_id, requester_email, department, channel, registered_by, request_type,"
        + " service_catalog_entry, handling_group, description, asset_tag, impact, urgency, priority, support_level,"
        + " technician, opened_at, first_response_due, first_response_at, first_response_breached, resolution_due,"
        + " attention_mode, work_done, resolved_at, closed_at, sla_status, satisfaction, rating_comment,"
        + " resolution_business_days, assigned_at, first_response_by, first_response_channel, resources_available,"
        + " resources_checked_at, resources_checked_by, verification, verified_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?, ?, ?)",
        register);
    jdbc.batchUpdate("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,"
        + " START_TIME_, END_TIME_, REMOVAL_TIME_, DURATION_, START_USER_ID_, START_ACT_ID_, END_ACT_ID_,"
        + " ROOT_PROC_INST_ID_, STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", instances);
    jdbc.batchUpdate("INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,"
        + " ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_,"
        + " DURATION_, DELETE_REASON_, PRIORITY_, REMOVAL_TIME_, TASK_STATE_)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tasks);
  }

  /** Each indicator query of {@link #MEASURED_MONTH}: first run and median of five, in milliseconds. */
  static Map<String, double[]> time(MonthlyIndicators indicators) {
    Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
    queries.put("count per type", () -> indicators.ticketsPerType(MEASURED_MONTH));
    queries.put("% conforming", () -> indicators.conformity(MEASURED_MONTH));
    queries.put("avg business days to resolve", () -> indicators.averageResolutionBusinessDays(MEASURED_MONTH));
    Map<String, double[]> timings = new LinkedHashMap<>();
    queries.forEach((name, query) -> {
      double[] runs = new double[5];
      for (int i = 0; i < runs.length; i++) {
        long start = System.nanoTime();
        query.get();
        runs[i] = (System.nanoTime() - start) / 1e6;
      }
      double first = runs[0];
      java.util.Arrays.sort(runs);
      timings.put(name, new double[] {first, runs[2]});
    });
    return timings;
  }

  /**
   * The dashboard (issue 18) on the year of history, as it reads on 15 December of that year at 10:00: its month is
   * December, its twelve-month trend the whole year. 300 open tickets (six departments, every state and deadline)
   * are added first, so the open-ticket figures and lists have rows to count; the 100,000 finished ones are all in
   * Operaciones, so the head of Operaciones' dashboard reads as many rows as the whole institution's.
   */
  static Map<String, double[]> timeDashboard(JdbcTemplate jdbc, PlatformTransactionManager transactions,
      BusinessCalendar calendar, ApplicationContext context) {
    ZonedDateTime now = LocalDate.of(YEAR, 12, 15).atTime(10, 0).atZone(calendar.zone());
    String[] departments = {"operaciones", "administracion", "juridico", "recursos-humanos", "tecnologia",
        "direccion-general"};
    String[] priorities = {"critical", "high", "medium", "low"};
    Random random = new Random(7);
    List<Object[]> open = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ZonedDateTime opened = now.minusHours(1 + random.nextInt(40 * 24));
      boolean assigned = i % 5 != 0;
      boolean attending = assigned && i % 3 != 0;
      open.add(new Object[] {"HIS-OPEN-%04d".formatted(i), "Solicitante " + i, "persona" + i + "@institucion.gob",
          departments[i % departments.length], Workload.requestType(i), priorities[i % priorities.length],
          assigned ? "tecnico" + i % 6 : null, assigned ? ts(opened.plusMinutes(30)) : null, ts(opened),
          ts(opened.plusHours(12)), attending ? ts(opened.plusHours(2)) : null,
          ts(now.plusHours(random.nextInt(240) - 120)), i % 17 == 0 ? "exempt" : "on_time"});
    }
    new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.batchUpdate(
        "INSERT INTO support_ticket (ticket_number, requester_name, requester_email, department, channel,"
            + " request_type, description, impact, urgency, priority, technician, assigned_at, opened_at,"
            + " first_response_due, first_response_at, resolution_due, sla_status)"
            + " VALUES (?, ?, ?, ?, 'web', ?, 'Solicitud abierta', 'medium', 'medium', ?, ?, ?, ?, ?, ?, ?, ?)",
        open));
    Map<String, double[]> timings = new LinkedHashMap<>();
    DashboardTimings.time(context, now.toInstant(), "operaciones")
        .forEach((name, runs) -> timings.put(name + " — just after the bulk load", runs));
    // what the database has done on its own a minute later: PostgreSQL's autovacuum analyses the table and sets its
    // visibility map (index-only scans stop reading the table), H2 has its statistics; the steady state people see
    settle(jdbc);
    timings.putAll(DashboardTimings.time(context, now.toInstant(), "operaciones"));
    return timings;
  }

  private static void settle(JdbcTemplate jdbc) {
    String database = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData()
        .getDatabaseProductName());
    if ("PostgreSQL".equals(database)) {
      // VACUUM cannot run inside a transaction: the JdbcTemplate's own connection is in auto-commit
      jdbc.execute("VACUUM ANALYZE support_ticket");
    } else {
      jdbc.execute("ANALYZE");
    }
  }

  private static Timestamp ts(ZonedDateTime moment) {
    return Timestamp.from(moment.toInstant());
  }

  private static long millis(ZonedDateTime from, ZonedDateTime to) {
    return java.time.Duration.between(from, to).toMillis();
  }
}
