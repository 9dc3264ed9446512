package org.mesadeayuda.report;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures in Spanish, as the head of IT reads them in the task form (Markdown) and Quality Management receives
 * them by e-mail (plain text). The codes of the registers are shown with the labels of the forms that recorded them.
 */
final class MonthlyReportText {

  private static final Locale SPANISH = Locale.forLanguageTag("es");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM 'de' yyyy", SPANISH);

  // the values of the support-request forms (start and attend)
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("equipment_support", "Soporte a equipos de cómputo"),
      Map.entry("equipment_failure", "Falla de equipo"),
      Map.entry("software_installation", "Instalación de software"),
      Map.entry("telephony", "Telefonía / telefonía IP"),
      Map.entry("system_user_account", "Creación de usuario en un sistema"),
      Map.entry("password_reset", "Restablecimiento de contraseña"),
      Map.entry("email_account", "Administración de correo electrónico"),
      Map.entry("backup", "Copia de seguridad de información"),
      Map.entry("remote_access", "Conexión remota"),
      Map.entry("website_publication", "Publicación en el sitio web"),
      Map.entry("meeting_equipment", "Instalación de equipo para reuniones"),
      Map.entry("decommissioning_concept", "Concepto técnico para baja de equipo"),
      Map.entry("financial_application", "Soporte a aplicativo financiero"),
      Map.entry("software_development", "Desarrollo de software"),
      Map.entry("hardware_software_acquisition", "Adquisición de hardware y software"),
      Map.entry("application_adjustment", "Ajuste a una aplicación existente"),
      Map.entry("other", "Otra"),
      Map.entry("web", "formulario web"),
      Map.entry("email", "correo electrónico"),
      Map.entry("phone", "teléfono"),
      Map.entry("in_person", "en persona"),
      Map.entry("external_servers", "acceso a servidores de otra institución"),
      Map.entry("procurement", "contratación de un bien o servicio"),
      Map.entry("os_failure", "falla del sistema operativo"),
      Map.entry("hardware_part", "reemplazo o reparación de partes de hardware"));

  private MonthlyReportText() {}

  static String monthLabel(YearMonth month) {
    return MONTH.format(month);
  }

  /** The figures in Markdown: bold headings and lists, as form-js renders a text field. */
  static String markdown(MonthlyFigures figures) {
    MonthlyFigures.Requests requests = figures.requests();
    MonthlyFigures.Deadline deadline = figures.deadline();
    MonthlyFigures.FirstResponse first = figures.firstResponse();
    MonthlyFigures.Satisfaction satisfaction = figures.satisfaction();
    MonthlyFigures.Escalations escalations = figures.escalations();
    MonthlyFigures.AdditionalTasks tasks = figures.additionalTasks();
    StringBuilder text = new StringBuilder();
    text.append("**Solicitudes recibidas:** ").append(requests.received());
    if (!requests.receivedPerChannel().isEmpty()) {
      text.append(" (").append(list(requests.receivedPerChannel())).append(')');
    }
    text.append("  \n**Solicitudes atendidas (cerradas):** ").append(requests.attended()).append("\n\n");
    text.append("**Por tipo de solicitud** (recibidas / atendidas):\n");
    java.util.SortedSet<String> types = new java.util.TreeSet<>(requests.receivedPerType().keySet());
    types.addAll(requests.attendedPerType().keySet());
    if (types.isEmpty()) {
      text.append("- ninguna\n");
    }
    for (String type : types) {
      text.append("- ").append(label(type)).append(": ").append(requests.receivedPerType().getOrDefault(type, 0L))
          .append(" / ").append(requests.attendedPerType().getOrDefault(type, 0L)).append('\n');
    }
    text.append("\n**Plazo de 3 días hábiles:** ").append(share(deadline.percentConforming(), "servicio conforme"))
        .append(" (conformes: ").append(deadline.conforming()).append("; no conformes: ")
        .append(deadline.nonConforming()).append(')');
    text.append("  \n**Exentas del plazo** (no cuentan en el porcentaje): ").append(deadline.exempt());
    if (!deadline.exemptPerReason().isEmpty()) {
      text.append(" (").append(list(deadline.exemptPerReason())).append(')');
    }
    text.append("  \n**Primera respuesta en 12 horas:** ").append(share(first.percentOnTime(), "a tiempo"))
        .append(" (a tiempo: ").append(first.onTime()).append("; tarde: ").append(first.late())
        .append("; sin respuesta registrada: ").append(first.pending()).append(')');
    text.append("  \n**Tiempo promedio de resolución:** ").append(figures.averageResolutionBusinessDays() == null
        ? "sin datos" : number(figures.averageResolutionBusinessDays(), 2) + " días hábiles");
    text.append("  \n**Escalamientos:** ").append(escalations.escalations()).append(" (solicitudes escaladas: ")
        .append(escalations.escalatedRequests()).append(")  \n**Ampliaciones de plazo:** ")
        .append(escalations.extensionsPerCause().values().stream().mapToLong(Long::longValue).sum());
    if (!escalations.extensionsPerCause().isEmpty()) {
      text.append(" (").append(list(escalations.extensionsPerCause())).append(')');
    }
    text.append("\n\n**Encuesta de satisfacción** (solicitudes atendidas): conforme: ").append(satisfaction.conforme())
        .append("; no conforme: ").append(satisfaction.noConforme()).append("; cerradas sin respuesta: ")
        .append(satisfaction.withoutAnswer()).append("; por calificar: ").append(satisfaction.pending())
        .append("  \n**Satisfacción promedio:** ")
        .append(share(satisfaction.percentSatisfied(), "de las respuestas fueron «conforme»"))
        .append("\n\n");
    text.append("**Tareas adicionales del mes:**\n")
        .append("- Mantenimientos preventivos realizados: ").append(tasks.maintenanceDone())
        .append(" (no realizados: ").append(tasks.maintenanceNotDone()).append(")\n")
        .append("- Copias de seguridad a solicitud realizadas: ").append(tasks.backupsDone())
        .append(" (rechazadas: ").append(tasks.backupsRefused()).append(")\n")
        .append("- Respaldos semanales del centro de datos: correctos: ").append(tasks.weeklyBackupsOk())
        .append("; fallidos: ").append(tasks.weeklyBackupsFailed()).append("; registrados fuera de plazo: ")
        .append(tasks.weeklyBackupsLate()).append('\n')
        .append("- Conexiones remotas cerradas: ").append(tasks.remoteSessionsClosed()).append(" (revocadas: ")
        .append(tasks.remoteSessionsRevoked()).append(")\n")
        .append("- Casos de falla de equipo cerrados: ").append(tasks.equipmentCasesClosed()).append('\n')
        .append("- Instalaciones de software: ").append(tasks.softwareInstalled())
        .append(" (declaradas por terceros: ").append(tasks.softwareDeclared()).append("; desinstalaciones: ")
        .append(tasks.softwareRemoved()).append(")\n");
    return text.toString();
  }

  /** The same text for an e-mail: no Markdown marks. */
  static String plain(String markdown) {
    return markdown.replace("**", "").replace("  \n", "\n");
  }

  /** "75,0 % servicio conforme", or "sin datos" when the month has nothing to measure. */
  static String share(Double value, String ofWhat) {
    return value == null ? "sin datos" : percent(value) + " " + ofWhat;
  }

  static String percent(Double value) {
    return value == null ? "sin datos" : number(value, 1) + " %";
  }

  private static String number(double value, int decimals) {
    NumberFormat format = NumberFormat.getNumberInstance(SPANISH);
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    // as the register's columns: only what is shown is rounded, the figures themselves are exact
    format.setRoundingMode(java.math.RoundingMode.HALF_UP);
    return format.format(value);
  }

  private static String list(Map<String, Long> counts) {
    return counts.entrySet().stream().map(entry -> label(entry.getKey()) + " " + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  static String label(String code) {
    return LABELS.getOrDefault(code, code);
  }
}
