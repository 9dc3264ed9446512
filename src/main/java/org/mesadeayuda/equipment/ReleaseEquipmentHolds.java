package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the end of the whole case, whichever way it ends (closed, cancelled, deleted through the API): whatever
 * spare unit or loaner the case still holds goes back to the pool, so no unit stays held by a case that is gone.
 */
@Component("releaseEquipmentHolds")
public class ReleaseEquipmentHolds implements ExecutionListener {

  private final EquipmentReservations reservations;

  public ReleaseEquipmentHolds(EquipmentReservations reservations) {
    this.reservations = reservations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = caseNumber(execution);
    if (caseNumber != null) {
      reservations.releaseCase(caseNumber, execution.isCanceled() ? "caso cancelado o eliminado" : "caso cerrado");
    }
  }
}
