package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Opens the semester's programme (PM-1): the semester asked for on a manual start, otherwise the one the timer
 * started in. A semester has one programme: a person asking for a second one is refused; the January/July timer
 * finding the programme already opened by hand ends quietly. A draft whose case was cancelled does not count: the new
 * case takes it over.
 */
@Component("openMaintenanceProgramme")
public class OpenMaintenanceProgramme implements JavaDelegate {

  public static final String PROGRAMME_ALREADY_OPEN = "programmeAlreadyOpen";
  static final String REQUESTED_BY = "requestedBy";

  private final MaintenanceProgrammes programmes;

  public OpenMaintenanceProgramme(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String asked = string(execution, SEMESTER);
    Semester semester = asked == null ? Semester.containing(programmes.today())
        : Semester.parse(asked).orElseThrow(() -> new InvalidInputException(
            "Escriba el semestre como AAAA-S1 (enero a junio) o AAAA-S2 (julio a diciembre), por ejemplo 2027-S1."));
    if (semester.lastDay().isBefore(programmes.today())) {
      throw new InvalidInputException("El " + semester.label() + " ya terminó: programe el semestre en curso o uno "
          + "futuro.");
    }
    Optional<MaintenanceProgramme> existing = programmes.programmeInForce(semester);
    boolean startedByTimer = string(execution, REQUESTED_BY) == null && asked == null;
    execution.setVariable(PROGRAMME_ALREADY_OPEN, existing.isPresent() && startedByTimer);
    if (existing.isPresent() && startedByTimer) {
      return;
    }
    MaintenanceProgramme programme = programmes.open(semester, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(programme.programmeCode());
    execution.setVariable(SEMESTER, semester.code());
    execution.setVariable(SEMESTER_LABEL, semester.label());
    execution.setVariable(PROGRAMME_ID, programme.id());
    execution.setVariable(PROGRAMME_CODE, programme.programmeCode());
  }
}
