package org.mesadeayuda.logbook;

import static org.mesadeayuda.logbook.LogbookVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * PM-5: the technician records an area's check in its logbook: ok or incident (with its description), the UPS's load
 * and battery and the data room's temperature, observations. A reading outside the configured limits is an incident,
 * never "ok".
 */
@Component("recordLogbookCheck")
public class RecordLogbookCheck implements TaskListener {

  private final LogbookEntryRepository entries;
  private final LogbookProperties limits;

  public RecordLogbookCheck(LogbookEntryRepository entries, LogbookProperties limits) {
    this.entries = entries;
    this.limits = limits;
  }

  @Override
  public void notify(DelegateTask task) {
    String area = ProcessVariables.string(task, AREA);
    String status = ProcessVariables.string(task, CHECK_STATUS);
    List<FieldProblem> problems = new ArrayList<>();
    if (!LogbookEntry.OK.equals(status) && !LogbookEntry.INCIDENT.equals(status)) {
      problems.add(new FieldProblem(CHECK_STATUS, "Indique si el área está en orden o si hay un incidente."));
    }
    Integer load = null;
    Integer battery = null;
    BigDecimal temperature = null;
    List<String> outOfLimits = new ArrayList<>();
    if (LogbookAreas.UPS.equals(area)) {
      load = percent(task, UPS_LOAD_PERCENT, "la carga de la UPS", problems);
      battery = percent(task, UPS_BATTERY_PERCENT, "la carga de la batería de la UPS", problems);
      if (load != null && load > limits.maxUpsLoadPercent()) {
        outOfLimits.add("la carga de la UPS (" + load + " %) supera el " + limits.maxUpsLoadPercent() + " %");
      }
      if (battery != null && battery < limits.minUpsBatteryPercent()) {
        outOfLimits.add("la batería de la UPS (" + battery + " %) está por debajo del " + limits.minUpsBatteryPercent()
            + " %");
      }
    }
    if (LogbookAreas.COOLING.equals(area)) {
      temperature = temperature(task, problems);
      if (temperature != null && temperature.doubleValue() > limits.maxRoomTemperature()) {
        outOfLimits.add("la temperatura del cuarto de equipos (" + temperature.toPlainString() + " °C) supera los "
            + BigDecimal.valueOf(limits.maxRoomTemperature()).stripTrailingZeros().toPlainString() + " °C");
      }
    }
    if (LogbookEntry.OK.equals(status) && !outOfLimits.isEmpty()) {
      problems.add(new FieldProblem(CHECK_STATUS, "No está en orden: " + String.join("; ", outOfLimits)
          + ". Registre un incidente."));
    }
    String incident = ProcessVariables.string(task, INCIDENT_DESCRIPTION);
    if (LogbookEntry.INCIDENT.equals(status) && incident == null) {
      problems.add(new FieldProblem(INCIDENT_DESCRIPTION, "Describa el incidente; se envía al Director de "
          + "Tecnología."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Revise la bitácora. " + String.join(" ",
          problems.stream().map(FieldProblem::reason).toList()), problems);
    }
    if (LogbookEntry.OK.equals(status)) {
      incident = null;
      task.setVariable(INCIDENT_DESCRIPTION, null);
    }
    String technician = ProcessVariables.actor(task);
    task.setVariable(RECORDED_BY, technician);
    entries.record(ProcessVariables.string(task, ROUND_CODE), area, status, load, battery, temperature,
        ProcessVariables.string(task, OBSERVATIONS), incident, technician, ClockUtil.getCurrentTime().toInstant());
  }

  private static Integer percent(DelegateTask task, String name, String what, List<FieldProblem> problems) {
    BigDecimal value = number(task, name);
    if (value == null) {
      problems.add(new FieldProblem(name, "Indique " + what + " (%)."));
      return null;
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
      problems.add(new FieldProblem(name, "Indique " + what + " entre 0 y 100 %."));
      return null;
    }
    return value.setScale(0, RoundingMode.HALF_UP).intValue();
  }

  private static BigDecimal temperature(DelegateTask task, List<FieldProblem> problems) {
    BigDecimal value = number(task, ROOM_TEMPERATURE);
    if (value == null) {
      problems.add(new FieldProblem(ROOM_TEMPERATURE, "Indique la temperatura del cuarto de equipos (°C)."));
      return null;
    }
    if (value.compareTo(BigDecimal.valueOf(-10)) < 0 || value.compareTo(BigDecimal.valueOf(60)) > 0) {
      problems.add(new FieldProblem(ROOM_TEMPERATURE, "Indique una temperatura entre -10 y 60 °C."));
      return null;
    }
    return value.setScale(1, RoundingMode.HALF_UP);
  }

  private static BigDecimal number(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim().replace(',', '.'));
    } catch (NumberFormatException notANumber) {
      return BigDecimal.valueOf(-1000);
    }
  }
}
