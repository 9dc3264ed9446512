package org.mesadeayuda.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Register rows for the dashboard's tests, written as the support-request process leaves them. */
final class DashboardTickets {

  private final JdbcClient jdbc;

  DashboardTickets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A ticket as a builder: set what the case needs, then {@link Ticket#save()}. */
  Ticket ticket(String number, String department, Instant openedAt) {
    return new Ticket(number, department, openedAt);
  }

  final class Ticket {
    final String number;
    final String department;
    final Instant openedAt;
    String requestType = "equipment_support";
    String priority = "medium";
    String technician;
    Instant assignedAt;
    Instant firstResponseDue;
    Instant firstResponseAt;
    boolean firstResponseBreached;
    Instant resolutionDue;
    Instant temporarySolutionAt;
    Instant resolvedAt;
    Instant closedAt;
    String slaStatus = "on_time";
    String satisfaction;

    Ticket(String number, String department, Instant openedAt) {
      this.number = number;
      this.department = department;
      this.openedAt = openedAt;
      this.firstResponseDue = openedAt.plusSeconds(12 * 3600);
      this.resolutionDue = openedAt.plusSeconds(3 * 24 * 3600);
    }

    Ticket type(String type) {
      requestType = type;
      return this;
    }

    Ticket priority(String value) {
      priority = value;
      return this;
    }

    Ticket assigned(String user, Instant at) {
      technician = user;
      assignedAt = at;
      return this;
    }

    Ticket firstResponse(Instant at) {
      firstResponseAt = at;
      return this;
    }

    Ticket firstResponseBreached() {
      firstResponseBreached = true;
      return this;
    }

    Ticket due(Instant at) {
      resolutionDue = at;
      return this;
    }

    Ticket temporary(Instant at) {
      temporarySolutionAt = at;
      return this;
    }

    Ticket resolved(Instant at, String sla) {
      resolvedAt = at;
      slaStatus = sla;
      return this;
    }

    Ticket sla(String sla) {
      slaStatus = sla;
      return this;
    }

    Ticket closed(Instant at, String sla, String answer) {
      if (resolvedAt == null) {
        resolvedAt = at;
      }
      closedAt = at;
      slaStatus = sla;
      satisfaction = answer;
      return this;
    }

    void save() {
      jdbc.sql("INSERT INTO support_ticket (ticket_number, requester_name, requester_email, department, channel,"
              + " request_type, description, impact, urgency, priority, technician, assigned_at, opened_at,"
              + " first_response_due, first_response_at, first_response_breached, resolution_due,"
              + " temporary_solution_at, resolved_at, closed_at, sla_status, satisfaction)"
              + " VALUES (?, 'Persona de prueba', 'prueba@institucion.gob', ?, 'web', ?, 'Prueba del tablero',"
              + " 'medium', 'medium', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(number, department, requestType, priority, technician, ts(assignedAt), ts(openedAt),
              ts(firstResponseDue), ts(firstResponseAt), firstResponseBreached, ts(resolutionDue),
              ts(temporarySolutionAt), ts(resolvedAt), ts(closedAt), slaStatus, satisfaction)
          .update();
    }
  }

  void delete(String prefix) {
    jdbc.sql("DELETE FROM support_ticket WHERE ticket_number LIKE ?").param(prefix + "%").update();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
