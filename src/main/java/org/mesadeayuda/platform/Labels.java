package org.mesadeayuda.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a person reads instead of a code: the one place that holds the Spanish label of each code the processes store
 * (priority {@code high} → "Alta", SLA state {@code non_conforming} → "No conforme", …), dates in Spanish in the
 * office's time zone ({@code mesa.calendar.zone}: "jueves 3 de diciembre de 2026, 16:42"), a department by its name and
 * a user by her full name. E-mails ({@link Mailer}) and the display variables of every task form
 * ({@link DisplayLabelsPlugin}) read them from here, so a label is changed once.
 *
 * <p>Codes are grouped by the variable that holds them; a code shared by several variables (a medium, an
 * impact/urgency level) has its variables listed together.
 */
@Component
public class Labels {

  public static final Locale SPANISH = Locale.forLanguageTag("es");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy, HH:mm", SPANISH);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", SPANISH);
  private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private static final Map<String, Map<String, String>> BY_VARIABLE = new LinkedHashMap<>();

  static {
    codes(Set.of("priority"), "critical", "Crítica", "high", "Alta", "medium", "Media", "low", "Baja");
    codes(Set.of("impact", "urgency"), "high", "Alto", "medium", "Medio", "low", "Bajo");
    codes(Set.of("slaStatus", "previousSlaStatus", "slaStatusBeforeReopen"),
        "on_time", "En plazo", "conforming", "Conforme (resuelto dentro del plazo)",
        "non_conforming", "No conforme (plazo vencido)", "exempt", "Exento del plazo");
    codes(Set.of("satisfaction"), "conforme", "Conforme", "no_conforme", "No conforme");
    codes(Set.of("channel"), "web", "Formulario web", "email", "Correo electrónico", "phone", "Teléfono",
        "in_person", "En persona");
    codes(Set.of("firstContactChannel", "firstResponseChannel"), "phone", "por teléfono", "email", "por correo",
        "in_person", "en su puesto de trabajo", "remote", "por conexión remota");
    codes(Set.of("requestType", "proposedRequestType"),
        "equipment_support", "Soporte a equipos de cómputo", "equipment_failure", "Falla de equipo",
        "software_installation", "Instalación de software", "telephony", "Telefonía / telefonía IP",
        "system_user_account", "Creación de usuario en un sistema", "password_reset", "Restablecimiento de contraseña",
        "email_account", "Administración de correo electrónico: cuenta nueva",
        "backup", "Copia de seguridad de información", "remote_access", "Conexión remota",
        "website_publication", "Publicación en el sitio web", "meeting_equipment", "Instalación de equipo para reuniones",
        "decommissioning_concept", "Concepto técnico para baja de equipo",
        "financial_application", "Soporte a aplicativo financiero",
        "software_development", "Desarrollo de software (instrucción especializada)",
        "hardware_software_acquisition", "Adquisición de hardware y software",
        "application_adjustment", "Ajuste a una aplicación existente", "other", "Otra solicitud",
        // the e-mail account procedure's request types (its password_reset is the one above)
        "creation", "Cuenta de correo nueva");
    codes(Set.of("licenceType"), "free", "Software libre", "institutional", "Licencia institucional",
        "subscription", "Suscripción", "trial", "Versión de prueba", "prohibited", "Prohibido");
    codes(Set.of("licenceEvidenceType"), "libre", "Software libre", "comercial", "Licencia comercial (perpetua)",
        "suscripcion", "Suscripción", "oem", "Licencia OEM (incluida con el equipo)");
    codes(Set.of("supportLevel", "requestedLevel"), "1", "Nivel 1", "2", "Nivel 2", "3", "Nivel 3");
    codes(Set.of("attentionMode"), "remote", "Remota", "on_site", "En sitio");
    codes(Set.of("outcome"), "solved", "Resuelta definitivamente", "temporary", "Solución temporal",
        "escalate", "Escalada al siguiente nivel", "extend", "Ampliación de plazo", "exempt", "Exenta del plazo");
    codes(Set.of("extensionCause"), "os_failure", "Falla del sistema operativo",
        "hardware_part", "Reemplazo o reparación de partes de hardware");
    codes(Set.of("exemptionReason"), "external_servers", "Depende del acceso a servidores de otra institución",
        "procurement", "Depende de la contratación de un bien o servicio");
    codes(Set.of("equipmentType"), "desktop", "Computadora de escritorio", "laptop", "Computadora portátil",
        "printer", "Impresora", "ups", "UPS", "switch", "Switch", "phone", "Teléfono", "projector", "Proyector",
        "other", "Otro");
    codes(Set.of("ownership"), "owned", "Propio", "leased", "Arrendado");
    codes(Set.of("diagnosisResult"), "repair_in_stock", "Reparable con partes en existencia",
        "parts_missing", "Reparable, pero faltan partes", "permanent_failure", "Falla permanente");
    codes(Set.of("financeDecision"), "approve", "Aprobada", "quotes", "Cotizaciones pedidas", "reject", "Rechazada");
    codes(Set.of("providerOutcome"), "repaired", "El proveedor reparó el equipo",
        "replaced", "El proveedor reemplazó el equipo", "refused", "El proveedor rechazó la garantía");
    codes(Set.of("lessorOutcome"), "lessor_repaired", "El arrendador reparó el equipo",
        "lessor_replaced", "El arrendador reemplazó el equipo",
        "lessor_contract_action", "Acción según el contrato de arrendamiento");
    codes(Set.of("equipmentOutcome"),
        "lessor_repaired", "El arrendador reparó el equipo, tras la gestión de la Dirección de Tecnología.",
        "lessor_replaced", "El arrendador reemplazó el equipo, tras la gestión de la Dirección de Tecnología.",
        "lessor_contract_action", "El arrendador no atendió el reclamo; la Dirección de Tecnología sigue la gestión "
            + "según el contrato de arrendamiento. El equipo arrendado no se repara ni se reemplaza con equipos "
            + "propios de la institución.",
        "repaired", "El equipo fue reparado por la Dirección de Tecnología.",
        "provider_repaired", "El proveedor reparó el equipo.",
        "provider_replaced", "El proveedor reemplazó el equipo.",
        "replaced", "El equipo fue reemplazado por otro de características similares.",
        "finance_rejected", "Administración y Finanzas no aprobó la compra; el equipo sigue en reparación.");
    codes(Set.of("memoPurpose"), "purchase", "compra de un equipo nuevo (falla permanente)",
        "repair", "compra de partes para reparar el equipo");
    codes(Set.of("requestedMedium", "authorizedMedium", "copyMedium", "runMedium"),
        "backup_server", "Servidor de respaldos de la institución", "external_disk", "Disco duro externo",
        "usb", "Memoria USB", "optical", "CD o DVD");
    codes(Set.of("informationLocation"), "server_folder", "Carpeta del servidor", "database", "Base de datos",
        "personal_computer", "Computadora personal");
    codes(Set.of("backupKind"), "one_time", "Copia única", "scheduled", "Respaldo programado en el servidor",
        "removable_medium", "Copia a un medio físico o extraíble");
    codes(Set.of("accessKind"), "internal", "Personal de la Dirección de Tecnología",
        "external", "Empresa o institución externa");
    codes(Set.of("purpose"), "updates", "Actualización de programas, sistemas, aplicaciones o herramientas",
        "it_consultation", "Consulta sobre el uso de herramientas informáticas", "backup", "Copias de seguridad",
        "it_audit", "Auditoría informática", "other", "Otro");
    codes(Set.of("areaOffice"), "metropolitan", "Área metropolitana", "regional", "Sede regional (interior)");
    codes(Set.of("requestKind", "proposedKind"), "development", "Desarrollo de software",
        "acquisition", "Adquisición de hardware y software", "adjustment", "Ajuste a una aplicación existente");
    codes(Set.of("ministryOutcome"), "done", "Atendida por el Ministerio", "refused", "No atendida por el Ministerio");
    codes(Set.of("checkStatus"), "ok", "En orden", "incident", "Incidente");
    codes(Set.of("runResult"), "ok", "Realizado", "failed", "Fallido");
  }

  /** Variables that hold a user id (assignees, who did what): shown as the person's full name. */
  public static final Set<String> PERSON_VARIABLES = Set.of("technician", "requester", "staffMember", "bossUser",
      "immediateBoss", "firstResponseBy", "decidedBy", "installedBy", "resolvedBy", "closedBy", "reviewedBy",
      "approvedBy", "authorizedBy", "deliveredBy", "presentedBy", "performedBy", "recordedBy", "confirmedBy");

  private final ZoneId zone;
  private final InstitutionProperties institution;
  private final ObjectProvider<IdentityService> identity;

  public Labels(CalendarProperties calendar, InstitutionProperties institution,
      ObjectProvider<IdentityService> identity) {
    this.zone = calendar.zone();
    this.institution = institution;
    this.identity = identity;
  }

  private static void codes(Set<String> variables, String... codeAndLabel) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < codeAndLabel.length; i += 2) {
      labels.put(codeAndLabel[i], codeAndLabel[i + 1]);
    }
    for (String variable : variables) {
      BY_VARIABLE.put(variable, Collections.unmodifiableMap(labels));
    }
  }

  /** The variables whose values are codes with a label here. */
  public static Set<String> codedVariables() {
    return Collections.unmodifiableSet(BY_VARIABLE.keySet());
  }

  /** Every code of a variable with its label, in the order a list would show them. */
  public static Map<String, String> codes(String variable) {
    return BY_VARIABLE.getOrDefault(variable, Map.of());
  }

  /** The label of a variable's code; an unknown code is shown as it is (never an empty line), null as "". */
  public static String code(String variable, Object code) {
    if (code == null) {
      return "";
    }
    String value = String.valueOf(code);
    return BY_VARIABLE.getOrDefault(variable, Map.of()).getOrDefault(value, value);
  }

  public ZoneId zone() {
    return zone;
  }

  /** A moment in Spanish in the office's time zone: "jueves 3 de diciembre de 2026, 16:42"; "" for null. */
  public String dateTime(Object moment) {
    return at(moment).map(DATE_TIME::format).orElse(moment == null ? "" : String.valueOf(moment));
  }

  /** A day in Spanish: "jueves 3 de diciembre de 2026"; "" for null. */
  public String date(Object day) {
    if (day instanceof LocalDate local) {
      return DATE.format(local);
    }
    if (day instanceof String text && ISO_DATE.matcher(text).matches()) {
      return DATE.format(LocalDate.parse(text));
    }
    return at(day).map(DATE::format).orElse(day == null ? "" : String.valueOf(day));
  }

  /** Whether the value is a moment {@link #dateTime} can write. */
  public static boolean isMoment(Object value) {
    return value instanceof Date || value instanceof Instant || value instanceof ZonedDateTime
        || value instanceof OffsetDateTime || value instanceof LocalDateTime;
  }

  /** Whether the text is a date or moment as a form sends it ({@code 2026-12-03}, {@code 2026-12-03T16:42}). */
  public static boolean isIsoDate(String text) {
    return ISO_DATE.matcher(text).matches() || ISO_DATE_TIME.matcher(text).matches();
  }

  /** A date or moment in Spanish, whichever the value is: a day without a time is written without one. */
  public String when(Object value) {
    if (value instanceof LocalDate || value instanceof String text && ISO_DATE.matcher(text).matches()) {
      return date(value);
    }
    return dateTime(value);
  }

  /** The department's name from the institution's profile ({@code mesa.institution.departments}), else its code. */
  public String department(String code) {
    return code == null ? "" : institution.department(code).map(InstitutionProperties.Department::name)
        .filter(name -> !name.isBlank()).orElse(code);
  }

  /** The user's full name from the directory ("Tomás Pérez"); the id itself when the directory does not know it. */
  public String person(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    IdentityService identityService = identity.getIfAvailable();
    if (identityService == null) {
      return userId;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  private Optional<TemporalAccessor> at(Object moment) {
    if (moment instanceof Date date) {
      return Optional.of(date.toInstant().atZone(zone));
    }
    if (moment instanceof Instant instant) {
      return Optional.of(instant.atZone(zone));
    }
    if (moment instanceof ZonedDateTime zoned) {
      return Optional.of(zoned.withZoneSameInstant(zone));
    }
    if (moment instanceof OffsetDateTime offset) {
      return Optional.of(offset.atZoneSameInstant(zone));
    }
    if (moment instanceof LocalDateTime local) {
      // a moment without a zone is the office's own time (what a person typed in a form)
      return Optional.of(local.atZone(zone));
    }
    if (moment instanceof String text && ISO_DATE_TIME.matcher(text).matches()) {
      try {
        return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(zone));
      } catch (DateTimeParseException offsetMissing) {
        try {
          return Optional.of(LocalDateTime.parse(text).atZone(zone));
        } catch (DateTimeParseException notADate) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
