package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A licensed program with a free seat: the seat is held for this case now, before the Director approves, so another
 * request cannot take it meanwhile (SW-2). If the last seat went to another case first, the case counts no free seat
 * and the approval table sends it to the Director's procurement decision. Free and prohibited software hold nothing.
 */
@Component("reserveSeat")
public class ReserveSeat implements JavaDelegate {

  private final LicenceRegister register;
  private final SeatReservations seats;

  public ReserveSeat(LicenceRegister register, SeatReservations seats) {
    this.register = register;
    this.seats = seats;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long softwareId = (Long) execution.getVariable(SOFTWARE_ID);
    String licenceType = string(execution, LICENCE_TYPE);
    boolean needsSeat = softwareId != null && !Software.FREE.equals(licenceType)
        && !Software.PROHIBITED.equals(licenceType);
    boolean held = false;
    if (needsSeat && integer(execution, FREE_SEATS) != null && integer(execution, FREE_SEATS) > 0) {
      seats.releaseAbandoned();
      held = register.reserveSeat(string(execution, CASE_NUMBER), softwareId);
      if (!held) {
        execution.setVariable(FREE_SEATS, 0);
        execution.setVariable(LICENCE_SUMMARY, "Licencia " + licenceType + ": 0 libre(s); otra solicitud tomó "
            + "la última");
      }
    }
    execution.setVariable(SEAT_RESERVED, held);
  }
}
