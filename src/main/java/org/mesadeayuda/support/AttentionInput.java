package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/** Checks what a technician enters on the attention forms, with the messages Tasklist shows. */
@Component
public class AttentionInput {

  static final Set<String> OUTCOMES = Set.of("solved", "temporary", "escalate", "extend", "exempt");
  static final Set<String> EXTENSION_CAUSES = Set.of("os_failure", "hardware_part");
  static final Set<String> EXEMPTION_REASONS = Set.of("external_servers", "procurement");
  static final int MAX_EXTENSION_DAYS = 20;

  private final ZoneId zone;

  public AttentionInput(BusinessCalendar calendar) {
    this.zone = calendar.zone();
  }

  void checkAttention(VariableScope task) {
    require(task, WORK_DONE, "Describa el trabajo realizado.");
    String outcome = string(task, OUTCOME);
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new InvalidInputException("Elija el resultado de la atención.");
    }
    switch (outcome) {
      case "temporary" -> task.setVariable(DEFINITIVE_SOLUTION_DUE, futureDate(task));
      case "escalate" -> require(task, ESCALATION_REASON, "Indique el motivo del escalamiento.");
      case "extend" -> {
        if (!EXTENSION_CAUSES.contains(string(task, EXTENSION_CAUSE))) {
          throw new InvalidInputException(
              "Indique la causa de la ampliación: falla del sistema operativo o partes de hardware.");
        }
        Integer days = integer(task, EXTENSION_DAYS);
        if (days == null || days < 1 || days > MAX_EXTENSION_DAYS) {
          throw new InvalidInputException(
              "Los días hábiles adicionales deben estar entre 1 y " + MAX_EXTENSION_DAYS + ".");
        }
        require(task, TECHNICAL_REPORT, "Escriba el dictamen técnico para la jefatura del departamento.");
      }
      case "exempt" -> {
        if (!EXEMPTION_REASONS.contains(string(task, EXEMPTION_REASON))) {
          throw new InvalidInputException("Indique el motivo de la exención del plazo.");
        }
      }
      default -> { }
    }
  }

  void checkDefinitiveSolution(VariableScope task) {
    require(task, WORK_DONE, "Describa el trabajo realizado.");
    String outcome = string(task, DEFINITIVE_OUTCOME);
    if ("reschedule".equals(outcome)) {
      task.setVariable(DEFINITIVE_SOLUTION_DUE, futureDate(task));
    } else if (!"solved".equals(outcome)) {
      throw new InvalidInputException("Indique si aplicó la solución definitiva o si se reprograma.");
    }
  }

  private Date futureDate(VariableScope task) {
    String text = string(task, DEFINITIVE_SOLUTION_AT);
    if (text == null) {
      throw new InvalidInputException("Indique la fecha y hora acordadas con el solicitante.");
    }
    Date agreed;
    try {
      agreed = Date.from(parse(text));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("La fecha acordada no es válida: " + text);
    }
    if (!agreed.after(ClockUtil.getCurrentTime())) {
      throw new InvalidInputException("La fecha acordada para la solución definitiva debe ser futura.");
    }
    return agreed;
  }

  /** Tasklist's date-time field sends ISO text, with or without an offset. */
  private java.time.Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    }
  }

  private static void require(VariableScope task, String name, String message) {
    if (string(task, name) == null) {
      throw new InvalidInputException(message);
    }
  }
}
