package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The licence seat a software-installation case holds (SW-2): given back when the case ends in any way (the process's
 * end listener: rejected, installed, cancelled or deleted through the API), and, before a seat is chosen, the seats
 * of cases no longer running are given back too (Cockpit can delete a case skipping its listeners).
 */
@Component("releaseSeatReservation")
public class SeatReservations implements ExecutionListener {

  private final LicenceRegister register;
  private final RuntimeService runtimeService;

  public SeatReservations(LicenceRegister register, RuntimeService runtimeService) {
    this.register = register;
    this.runtimeService = runtimeService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    if (caseNumber != null) {
      register.releaseSeat(caseNumber);
    }
  }

  public void releaseAbandoned() {
    for (String caseNumber : register.casesHoldingSeats()) {
      if (runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
          .processInstanceBusinessKey(caseNumber).count() == 0) {
        register.releaseSeat(caseNumber);
      }
    }
  }
}
