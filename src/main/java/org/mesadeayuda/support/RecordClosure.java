package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * The ticket is closed (SR-11, 004 actividad 5): the desk finalized it and the requester verified the solution, by
 * answering or tacitly after the time to answer ran out (SR-12). Only now does closed_at count in the monthly
 * indicators. The resolution time in business days is stored with it, so the indicators (RP-1) need no calendar in
 * SQL.
 */
@Component("recordClosure")
public class RecordClosure implements JavaDelegate {

  private final TicketRegister register;
  private final BusinessCalendar calendar;

  public RecordClosure(TicketRegister register, BusinessCalendar calendar) {
    this.register = register;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.update(ticketNumber(execution), ticket -> {
      ticket.setClosedAt(TicketRegister.now());
      if (ticket.getOpenedAt() != null && ticket.getResolvedAt() != null) {
        double days = calendar.businessDaysBetween(Date.from(ticket.getOpenedAt()), Date.from(ticket.getResolvedAt()));
        ticket.setResolutionBusinessDays(BigDecimal.valueOf(days).setScale(2, RoundingMode.HALF_UP));
      }
    });
  }
}
