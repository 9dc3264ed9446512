package org.mesadeayuda.support;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.mesadeayuda.documents.DocumentReaders;
import org.mesadeayuda.documents.Documents;
import org.mesadeayuda.documents.GeneratedDocument;
import org.mesadeayuda.documents.SpanishText;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Role;
import org.springframework.stereotype.Component;

/**
 * The technical report (dictamen técnico) of a ticket as a PDF document, from the ticket register: for every ticket
 * attended (SR-13, sent with the "ticket finalizado" e-mail) and for a deadline extension (SR-10, sent to the head of
 * the requesting department). Read by the requester, the technician, the department's head (extension), the desk and
 * the Technology Directorate; nobody else.
 */
@Component
public class TechnicalReportDocument {

  static final String ATTENDED_KIND = "technical_report";
  static final String EXTENSION_KIND = "extension_report";
  private static final Map<String, String> ATTENTION = Map.of("on_site", "en sitio", "in_person", "en sitio", "remote", "remota");
  private static final Map<String, String> DEADLINE = Map.of("on_time", "dentro del plazo (en curso)",
      "conforming", "servicio conforme", "non_conforming", "servicio no conforme", "exempt", "exenta del plazo");
  private static final Map<String, String> PRIORITY =
      Map.of("critical", "Crítica", "high", "Alta", "medium", "Media", "low", "Baja");

  private final Documents documents;
  private final InstitutionProperties institution;
  private final ZoneId zone;

  public TechnicalReportDocument(Documents documents, InstitutionProperties institution, BusinessCalendar calendar) {
    this.documents = documents;
    this.institution = institution;
    this.zone = calendar.zone();
  }

  /** SR-13: the report of an attended ticket, for its requester. */
  public GeneratedDocument attended(SupportTicket ticket) {
    String number = ticket.getTicketNumber();
    return documents.producePdf(number, ATTENDED_KIND, "Dictamen técnico " + number, "Dictamen técnico " + number,
        "technical-report", values(ticket, false), readers(ticket, null));
  }

  /** SR-10: the report that justifies a deadline extension, for the head of the requesting department. */
  public GeneratedDocument extension(SupportTicket ticket, String causeLabel, int days) {
    String number = ticket.getTicketNumber();
    Map<String, Object> values = values(ticket, true);
    values.put("extensionCause", causeLabel);
    values.put("extensionDays", days);
    String headUser = institution.department(ticket.getDepartment())
        .map(InstitutionProperties.Department::headUser).orElse(null);
    return documents.producePdf(number, EXTENSION_KIND, "Dictamen técnico de ampliación de plazo " + number,
        "Dictamen ampliación " + number, "technical-report", values, readers(ticket, headUser));
  }

  private static DocumentReaders readers(SupportTicket ticket, String headUser) {
    return DocumentReaders.groups(Role.MESA_AYUDA.groupId(), Role.DIRECTOR_TI.groupId())
        .andUsers(ticket.getRequesterUserId(), ticket.getTechnician(), headUser);
  }

  private Map<String, Object> values(SupportTicket ticket, boolean extension) {
    Map<String, Object> values = new HashMap<>();
    values.put("extension", extension);
    values.put("ticketNumber", ticket.getTicketNumber());
    values.put("requesterName", ticket.getRequesterName());
    values.put("department", institution.department(ticket.getDepartment())
        .map(InstitutionProperties.Department::name).orElse(ticket.getDepartment()));
    values.put("service", ticket.getServiceCatalogEntry() == null ? ticket.getRequestType()
        : ticket.getServiceCatalogEntry());
    values.put("priority", label(PRIORITY, ticket.getPriority()));
    values.put("description", ticket.getDescription());
    values.put("assetTag", ticket.getAssetTag());
    values.put("technician", ticket.getTechnician());
    values.put("attentionMode", label(ATTENTION, ticket.getAttentionMode()));
    values.put("workDone", ticket.getWorkDone());
    values.put("technicalReport", ticket.getTechnicalReport());
    values.put("openedAt", SpanishText.dateTime(ticket.getOpenedAt(), zone));
    values.put("firstResponseAt", SpanishText.dateTime(ticket.getFirstResponseAt(), zone));
    values.put("resolutionDue", SpanishText.dateTime(ticket.getResolutionDue(), zone));
    values.put("resolvedAt", SpanishText.dateTime(ticket.getResolvedAt(), zone));
    values.put("escalations", ticket.getEscalations());
    values.put("deadlineStatus", label(DEADLINE, ticket.getSlaStatus()));
    BigDecimal days = ticket.getResolutionBusinessDays();
    values.put("resolutionDays", days == null ? null : SpanishText.number(days.doubleValue(), 2) + " días hábiles");
    values.put("previousExtension", ticket.getExtensionCause() != null && !extension
        ? ExtendDeadline.CAUSE_LABELS.getOrDefault(ticket.getExtensionCause(), ticket.getExtensionCause()) + " ("
          + ticket.getExtensionDays() + " días hábiles)" : null);
    return values;
  }

  /** The label of a recorded code; none when nothing was recorded (a ticket attended by its own procedure). */
  private static String label(Map<String, String> labels, String code) {
    return code == null ? null : labels.getOrDefault(code, code);
  }
}
