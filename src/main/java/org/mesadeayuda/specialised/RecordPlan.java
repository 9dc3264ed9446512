package org.mesadeayuda.specialised;

import static org.mesadeayuda.specialised.SpecialisedRequestVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.mesadeayuda.platform.Role;
import org.springframework.stereotype.Component;

/**
 * 4.3 of 002 ("planear y ejecutar"), with the check of §3: "se verifica la disponibilidad de los recursos humanos y
 * técnicos". The plan names the responsible technician, confirms both resource checks with what was checked, and
 * gives a start and end within reason: not in the past, the end not before the start, at most a year of work.
 */
@Component("recordSpecialisedPlan")
public class RecordPlan implements TaskListener {

  /** The longest plan accepted: anything longer is a project to split, not one request. */
  static final int MAX_PLAN_DAYS = 365;
  private static final DateTimeFormatter SPANISH =
      DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es"));

  private final SpecialisedRequestRepository requests;
  private final BusinessCalendar calendar;

  public RecordPlan(SpecialisedRequestRepository requests, BusinessCalendar calendar) {
    this.requests = requests;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldProblem> problems = new ArrayList<>();
    String technician = string(task, TECHNICIAN);
    if (technician == null) {
      problems.add(new FieldProblem(TECHNICIAN, "Indique el técnico responsable."));
    } else if (!technicianOrDirectorate(task.getProcessEngineServices().getIdentityService(), technician)) {
      problems.add(new FieldProblem(TECHNICIAN, "El responsable debe ser un usuario de los técnicos de soporte o de "
          + "la Dirección de Tecnología."));
    }
    if (!flag(task, HUMAN_RESOURCES_CHECKED) || !flag(task, TECHNICAL_RESOURCES_CHECKED)) {
      problems.add(new FieldProblem(null, "Verifique la disponibilidad de los recursos humanos y técnicos antes de "
          + "planificar; si aún no están disponibles, planifique el inicio para cuando lo estén."));
    }
    String resources = string(task, RESOURCES_DETAIL);
    if (resources == null) {
      problems.add(new FieldProblem(RESOURCES_DETAIL, "Indique qué recursos humanos y técnicos se verificaron."));
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toLocalDate();
    LocalDate start = date(task, PLANNED_START, problems);
    LocalDate end = date(task, PLANNED_END, problems);
    if (start != null && start.isBefore(today)) {
      problems.add(new FieldProblem(PLANNED_START, "El inicio planificado no puede estar en el pasado."));
    }
    if (start != null && end != null && end.isBefore(start)) {
      problems.add(new FieldProblem(PLANNED_END, "El fin planificado no puede ser anterior al inicio."));
    }
    if (start != null && end != null && end.isAfter(start.plusDays(MAX_PLAN_DAYS))) {
      problems.add(new FieldProblem(PLANNED_END, "Un plan de más de un año no es una solicitud: divídalo en "
          + "entregas."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Revise el plan. " + String.join(" ",
          problems.stream().map(FieldProblem::reason).toList()), problems);
    }
    task.setVariable(PLANNED_END_DUE, calendar.closingTime(end));
    task.setVariable(PLANNED_START_LABEL, SPANISH.format(start));
    task.setVariable(PLANNED_END_LABEL, SPANISH.format(end));
    requests.recordPlan(string(task, CASE_NUMBER), technician, true, true, resources, start, end,
        ProcessVariables.actor(task), ClockUtil.getCurrentTime().toInstant());
  }

  private static boolean technicianOrDirectorate(IdentityService identity, String userId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(Role.TECNICOS.groupId()).count() > 0
        || identity.createUserQuery().userId(userId).memberOfGroup(Role.DIRECTOR_TI.groupId()).count() > 0;
  }

  private static LocalDate date(DelegateTask task, String name, List<FieldProblem> problems) {
    String text = string(task, name);
    if (text == null) {
      problems.add(new FieldProblem(name, "Indique la fecha."));
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException notADate) {
      problems.add(new FieldProblem(name, "No es una fecha (aaaa-mm-dd)."));
      return null;
    }
  }
}
