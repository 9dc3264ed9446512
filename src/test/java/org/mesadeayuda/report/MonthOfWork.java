package org.mesadeayuda.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A month of the help desk written into the registers as the procedures write them: tickets opened and closed in it
 * (and around it, which must not count), maintenance, backups, weekly runs, remote sessions and installations. The
 * registers' rows of that month are removed first, so the figures are exactly these.
 */
final class MonthOfWork {

  static final ZoneId GUATEMALA = ZoneId.of("America/Guatemala");

  private final JdbcClient jdbc;
  private final YearMonth month;
  private final String prefix;

  MonthOfWork(JdbcClient jdbc, YearMonth month, String prefix) {
    this.jdbc = jdbc;
    this.month = month;
    this.prefix = prefix;
  }

  void seed() {
    clear();
    // received in the month: web 2, email 1, phone 1; attended in it: 1, 2, 3 and 4 (opened the month before)
    ticket("1", "equipment_support", "web", day(4, "09:00"), day(5, "10:00"), "conforming", ticket -> {
      ticket.put("first_response_at", day(4, "10:00"));
      ticket.put("resolution_business_days", "1.00");
      ticket.put("satisfaction", "conforme");
      ticket.put("escalations", 1);
    });
    ticket("2", "equipment_support", "email", day(6, "09:00"), day(12, "16:00"), "non_conforming", ticket -> {
      ticket.put("first_response_breached", true);
      ticket.put("first_response_at", day(7, "11:00"));
      ticket.put("resolution_business_days", "4.00");
      ticket.put("satisfaction", "no_conforme");
      ticket.put("escalations", 2);
      ticket.put("extension_cause", "os_failure");
    });
    ticket("3", "password_reset", "phone", day(10, "08:30"), day(11, "09:00"), "exempt", ticket -> {
      ticket.put("first_response_at", day(10, "09:30"));
      ticket.put("resolution_business_days", "1.00");
      ticket.put("satisfaction", "sin_respuesta");
      ticket.put("exemption_reason", "external_servers");
    });
    ticket("4", "telephony", "web", previousMonth(28, "09:00"), day(2, "10:00"), "conforming", ticket -> {
      ticket.put("first_response_at", previousMonth(28, "10:00"));
      ticket.put("resolution_business_days", "3.00");
    });
    // still open at the end of the month, no first response yet
    ticket("5", "telephony", "web", day(30, "15:00"), null, "on_time", ticket -> {});
    // the first minutes of the next month in the office (still this month in UTC) belong to the next month
    ticket("6", "telephony", "web", nextMonth(1, "00:30"), nextMonth(1, "00:40"), "conforming", ticket -> {});

    long programme = jdbc.sql("INSERT INTO maintenance_programme (programme_code, semester, status, opened_at)"
            + " VALUES (:code, :semester, 'executing', :at)")
        .param("code", prefix + "-MP").param("semester", prefix).param("at", day(1, "07:00")).update() > 0
        ? jdbc.sql("SELECT id FROM maintenance_programme WHERE programme_code = :code").param("code", prefix + "-MP")
            .query(Long.class).single() : 0;
    maintenanceItem(programme, "1", "done", day(9, "10:00"));
    maintenanceItem(programme, "2", "done", day(16, "10:00"));
    maintenanceItem(programme, "3", "not_done", day(16, "10:00"));
    maintenanceItem(programme, "4", "done", previousMonth(20, "10:00"));

    backup("1", "done", "performed_at", day(13, "11:00"));
    backup("2", "refused", "decided_at", day(14, "11:00"));
    backup("3", "done", "performed_at", nextMonth(2, "11:00"));

    weeklyRun("W1", "ok", false, day(6, "15:00"));
    weeklyRun("W2", "ok", false, day(13, "15:00"));
    weeklyRun("W3", "failed", false, day(20, "15:00"));
    weeklyRun("W4", "ok", true, day(27, "15:00"));
    weeklyRun("W5", "ok", false, nextMonth(3, "15:00"));

    remoteSession("1", "closed", day(17, "12:00"));
    remoteSession("2", "revoked", day(18, "12:00"));

    long software = jdbc.sql("INSERT INTO software (name, licence_type) VALUES (:name, 'free')")
        .param("name", prefix + " lector de PDF").update() > 0
        ? jdbc.sql("SELECT id FROM software WHERE name = :name").param("name", prefix + " lector de PDF")
            .query(Long.class).single() : 0;
    installation(software, "1", false, day(8, "10:00"), day(22, "10:00"));
    installation(software, "2", false, day(9, "10:00"), null);
    installation(software, "3", true, day(10, "10:00"), null);
  }

  /**
   * A request received at {@code openedAt}, answered {@code afterDeadline} after its 12-hour first-response deadline
   * (zero: at the deadline itself) and still open.
   */
  void answeredAroundItsDeadline(String number, Timestamp openedAt, java.time.Duration afterDeadline) {
    ticket(number, "telephony", "web", openedAt, null, "on_time", ticket -> ticket.put("first_response_at",
        Timestamp.from(openedAt.toInstant().plusSeconds(12 * 3600).plus(afterDeadline))));
  }

  /** Removes this fixture's rows and every register row in the month and next to it. */
  void clear() {
    Map<String, Object> window = Map.of("from", previousMonth(1, "00:00"), "to", at(month.plusMonths(2), 1, "00:00"));
    jdbc.sql("DELETE FROM support_ticket WHERE ticket_number LIKE :prefix OR opened_at >= :from AND opened_at < :to"
        + " OR closed_at >= :from AND closed_at < :to").param("prefix", prefix + "-%").params(window).update();
    jdbc.sql("DELETE FROM maintenance_reprogramming WHERE item_id IN (SELECT id FROM maintenance_item"
        + " WHERE executed_at >= :from AND executed_at < :to)").params(window).update();
    jdbc.sql("DELETE FROM maintenance_item WHERE executed_at >= :from AND executed_at < :to OR programme_id IN"
        + " (SELECT id FROM maintenance_programme WHERE semester = :prefix)").param("prefix", prefix)
        .params(window).update();
    jdbc.sql("DELETE FROM maintenance_programme WHERE semester = :prefix").param("prefix", prefix).update();
    jdbc.sql("DELETE FROM backup_request WHERE case_number LIKE :prefix OR performed_at >= :from AND performed_at < :to"
        + " OR decided_at >= :from AND decided_at < :to").param("prefix", prefix + "-%").params(window).update();
    jdbc.sql("DELETE FROM security_register_entry WHERE run_code LIKE :prefix"
        + " OR scheduled_at >= :from AND scheduled_at < :to").param("prefix", prefix + "-%").params(window).update();
    jdbc.sql("DELETE FROM remote_access_grant WHERE work_order LIKE :prefix OR ended_at >= :from AND ended_at < :to")
        .param("prefix", prefix + "-%").params(window).update();
    jdbc.sql("DELETE FROM installation WHERE asset_tag LIKE :prefix OR installed_at >= :from AND installed_at < :to"
        + " OR removed_at >= :from AND removed_at < :to").param("prefix", prefix + "-%").params(window).update();
    jdbc.sql("DELETE FROM software WHERE name = :name").param("name", prefix + " lector de PDF").update();
  }

  Timestamp day(int day, String time) {
    return at(month, day, time);
  }

  private Timestamp previousMonth(int day, String time) {
    return at(month.minusMonths(1), day, time);
  }

  private Timestamp nextMonth(int day, String time) {
    return at(month.plusMonths(1), day, time);
  }

  private static Timestamp at(YearMonth month, int day, String time) {
    LocalDate date = month.atDay(day);
    return Timestamp.from(LocalDateTime.parse(date + "T" + time).atZone(GUATEMALA).toInstant());
  }

  private void ticket(String number, String type, String channel, Timestamp openedAt, Timestamp closedAt,
      String slaStatus, java.util.function.Consumer<Map<String, Object>> details) {
    Map<String, Object> ticket = new HashMap<>();
    ticket.put("ticket_number", prefix + "-" + number);
    ticket.put("requester_name", "Ana López");
    ticket.put("requester_email", "ana.lopez@institucion.gob");
    ticket.put("department", "operaciones");
    ticket.put("channel", channel);
    ticket.put("request_type", type);
    ticket.put("description", "Solicitud del informe mensual");
    ticket.put("impact", "medium");
    ticket.put("urgency", "medium");
    ticket.put("priority", "medium");
    ticket.put("opened_at", openedAt);
    ticket.put("first_response_due", Timestamp.from(openedAt.toInstant().plusSeconds(12 * 3600)));
    ticket.put("resolution_due", Timestamp.from(openedAt.toInstant().plusSeconds(5 * 24 * 3600)));
    ticket.put("closed_at", closedAt);
    ticket.put("sla_status", slaStatus);
    details.accept(ticket);
    if (ticket.get("resolution_business_days") instanceof String days) {
      ticket.put("resolution_business_days", new java.math.BigDecimal(days));
    }
    String columns = String.join(", ", ticket.keySet());
    String values = ":" + String.join(", :", ticket.keySet());
    jdbc.sql("INSERT INTO support_ticket (" + columns + ") VALUES (" + values + ")").params(ticket).update();
  }

  private void maintenanceItem(long programme, String tag, String status, Timestamp executedAt) {
    jdbc.sql("INSERT INTO maintenance_item (programme_id, asset_tag, department, original_week, planned_week, status,"
            + " executed_at) VALUES (:programme, :tag, 'operaciones', :week, :week, :status, :at)")
        .param("programme", programme).param("tag", prefix + "-" + tag).param("week", month.atDay(1))
        .param("status", status).param("at", executedAt).update();
  }

  private void backup(String number, String status, String column, Timestamp at) {
    jdbc.sql("INSERT INTO backup_request (case_number, requester_name, requester_email, information_description,"
            + " information_location, backup_kind, status, requested_at, " + column + ") VALUES (:number,"
            + " 'Ana López', 'ana.lopez@institucion.gob', 'Carpeta de contratos', 'server_folder', 'one_time',"
            + " :status, :requested, :at)")
        .param("number", prefix + "-" + number).param("status", status)
        .param("requested", previousMonth(25, "09:00")).param("at", at).update();
  }

  private void weeklyRun(String week, String status, boolean overdue, Timestamp scheduledAt) {
    jdbc.sql("INSERT INTO security_register_entry (run_code, scheduled_at, due_at, status, overdue)"
            + " VALUES (:code, :at, :due, :status, :overdue)")
        .param("code", prefix + "-" + week).param("at", scheduledAt)
        .param("due", Timestamp.from(scheduledAt.toInstant().plusSeconds(7 * 24 * 3600))).param("status", status)
        .param("overdue", overdue).update();
  }

  private void remoteSession(String number, String state, Timestamp endedAt) {
    jdbc.sql("INSERT INTO remote_access_grant (work_order, access_kind, purpose, work_description, asset_tag,"
            + " window_start, window_end, state, ended_at) VALUES (:order, 'internal', 'updates', 'Actualización',"
            + " :tag, :start, :end, :state, :ended)")
        .param("order", prefix + "-" + number).param("tag", prefix + "-PC").param("start", endedAt)
        .param("end", endedAt).param("state", state).param("ended", endedAt).update();
  }

  private void installation(long software, String tag, boolean declared, Timestamp installedAt,
      Timestamp removedAt) {
    jdbc.sql("INSERT INTO installation (asset_tag, software_id, installed_by, installed_at, declared, removed_at)"
            + " VALUES (:tag, :software, 'tomas.tecnico', :at, :declared, :removed)")
        .param("tag", prefix + "-" + tag).param("software", software).param("at", installedAt)
        .param("declared", declared).param("removed", removedAt).update();
  }
}
