package org.mesadeayuda.logbook;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mesadeayuda.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * The areas of the general maintenance activities (004 actividad 9, PM-5), each with its own logbook, and which of
 * them a round checks. The BPMN asks it for the areas of a round (one check task each).
 */
@Component("infrastructureLogbook")
@ExpressionHelper
public class LogbookAreas {

  public static final String EMAIL_DIRECTORY = "email-directory";
  public static final String COOLING = "cooling";
  public static final String UPS = "ups";
  public static final String IP_TELEPHONY = "ip-telephony";
  public static final String SECURITY_SYSTEMS = "security-systems";
  public static final String NETWORKS = "networks";

  /** In the manual's order. */
  static final Map<String, String> LABELS;

  static {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(EMAIL_DIRECTORY, "Correo electrónico institucional y directorio activo");
    labels.put(COOLING, "Sistema de refrigeración");
    labels.put(UPS, "Fuentes de respaldo eléctrico (UPS)");
    labels.put(IP_TELEPHONY, "Plataforma de telefonía IP");
    labels.put(SECURITY_SYSTEMS, "Infraestructura de sistemas de seguridad");
    labels.put(NETWORKS, "Infraestructura de redes y comunicaciones");
    LABELS = java.util.Collections.unmodifiableMap(labels);
  }

  private final LogbookProperties properties;

  public LogbookAreas(LogbookProperties properties) {
    this.properties = properties;
  }

  /** The areas a round opened on this day checks: the daily ones, and the weekly ones on their day. */
  public List<String> dueOn(DayOfWeek day) {
    List<String> due = new ArrayList<>();
    for (String area : LABELS.keySet()) {
      String frequency = properties.areas().get(area);
      if (LogbookProperties.DAILY.equals(frequency)
          || LogbookProperties.WEEKLY.equals(frequency) && day == properties.weeklyDay()) {
        due.add(area);
      }
    }
    return due;
  }

  /** The round's areas as the multi-instance check reads them (kept as one short text variable). */
  public List<String> areas(String roundAreas) {
    return roundAreas == null || roundAreas.isBlank() ? List.of()
        : Arrays.stream(roundAreas.split(",")).map(String::trim).filter(LABELS::containsKey).toList();
  }

  public static String label(String area) {
    return area == null ? null : LABELS.get(area);
  }
}
