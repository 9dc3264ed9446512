package org.mesadeayuda.maintenance;

import static org.mesadeayuda.maintenance.MaintenanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/** Below the target, Quality must receive an analysis with the actions to take, not only the figure (PM-4). */
@Component("validateIndicatorDelivery")
public class ValidateIndicatorDelivery implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!flag(task, COMPLIANCE_MET) && string(task, INDICATOR_ANALYSIS) == null) {
      throw new InvalidInputException("No se alcanzó la meta de cumplimiento: escriba el análisis de las causas y "
          + "las acciones a tomar.");
    }
    task.setVariable(DELIVERED_BY, actor(task));
  }
}
