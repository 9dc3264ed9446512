package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The batch's week is over and its units have no record yet: they are flagged as late in the register. */
@Component("flagOverdueMaintenance")
public class FlagOverdueMaintenance implements JavaDelegate {

  private final MaintenanceProgrammes programmes;

  public FlagOverdueMaintenance(MaintenanceProgrammes programmes) {
    this.programmes = programmes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    programmes.flagOverdue(string(execution, BATCH));
  }
}
