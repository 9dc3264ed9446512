package org.mesadeayuda.bench;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mesadeayuda.platform.BusinessCalendar;

/**
 * What the benchmark's people send: the start form of a support request and the forms of its four user tasks, for the
 * application and for the baseline. The baseline has no decision tables and no registering step, so its start carries
 * the values those would have put in the case (group, priority, deadlines), so that its user tasks, timers and gateways
 * read the same expressions.
 */
final class Workload {

  // types whose ticket is attended at the desk (a password reset, an e-mail account or a backup goes to its own
  // procedure since issue 14 and would not follow the four tasks measured here); same split between the groups
  static final List<String> REQUEST_TYPES = List.of("equipment_support", "financial_application", "other",
      "telephony", "system_user_account", "website_publication");

  private final BusinessCalendar calendar;
  private final AtomicLong baselineNumbers = new AtomicLong();

  Workload(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  static String requestType(long ticket) {
    return REQUEST_TYPES.get((int) (ticket % REQUEST_TYPES.size()));
  }

  /** The start form, as Tasklist or our REST API sends it. */
  static Map<String, Object> startForm(long ticket) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Ana López " + ticket);
    variables.put("requester", "ana.solicitante");
    variables.put("requesterEmail", "ana.lopez" + ticket % 50 + "@institucion.gob");
    variables.put("requesterPhone", "2222-1111 ext. 204");
    variables.put("department", "operaciones");
    variables.put("channel", "web");
    variables.put("requestType", requestType(ticket));
    variables.put("description", "La computadora no enciende desde esta mañana (caso " + ticket + ")");
    variables.put("assetTag", "INV-" + (1000 + ticket % 500));
    variables.put("impact", "medium");
    variables.put("urgency", "medium");
    return variables;
  }

  /** The baseline's start: the same form plus what the application's decisions and register step would set. */
  Map<String, Object> baselineStart(long ticket) {
    Map<String, Object> variables = startForm(ticket);
    Date now = new Date();
    variables.put("ticketNumber", baselineBusinessKey());
    variables.put("openedAt", now);
    variables.put("registeredBy", null);
    variables.put("resolved", false);
    variables.put("slaStatus", "on_time");
    variables.put("firstResponseAt", null);
    variables.put("technician", null);
    variables.put("handlingGroup", "tecnicos");
    variables.put("serviceCatalogEntry", "Soporte a equipos de cómputo");
    variables.put("priority", "medium");
    variables.put("firstResponseHours", 12);
    variables.put("resolutionDays", 3);
    variables.put("taskPriority", 50);
    variables.put("firstResponseDue", calendar.addBusinessHours(now, 12));
    variables.put("resolutionDue", calendar.addBusinessDays(now, 3));
    return variables;
  }

  String baselineBusinessKey() {
    return "BASE-%07d".formatted(baselineNumbers.incrementAndGet());
  }

  /** The variables the form of the task sends, as a person fills it in on the happy path. */
  static Map<String, Object> form(String taskDefinitionKey, String requestType) {
    return switch (taskDefinitionKey) {
      case "Task_ReviewAndAssign" -> Map.of("requestType", requestType, "priority", "medium",
          "technician", "tomas.tecnico", "supportLevel", "2", "resourcesAvailable", "yes");
      case "Task_StartAttention" -> Map.of("firstContactChannel", "phone");
      case "Task_AttendRequest" -> Map.of("attentionMode", "on_site",
          "workDone", "Se reemplazó la fuente de poder y se verificó el arranque", "outcome", "solved");
      case "Task_CloseTicket" -> Map.of("closingDecision", "close", "deskComment", "Verificado con la solicitante");
      case "Task_RateService" -> Map.of("solutionVerified", "yes", "satisfaction", "conforme",
          "ratingComment", "Muy rápido");
      default -> throw new IllegalStateException("the benchmark does not expect task " + taskDefinitionKey);
    };
  }
}
