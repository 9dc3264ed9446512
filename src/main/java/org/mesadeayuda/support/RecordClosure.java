package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
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
    String ticketNumber = ticketNumber(execution);
    Instant[] openedAndResolved = register.openedAndResolved(ticketNumber);
    BigDecimal businessDays = null;
    if (openedAndResolved[0] != null && openedAndResolved[1] != null) {
      double days = calendar.businessDaysBetween(Date.from(openedAndResolved[0]), Date.from(openedAndResolved[1]));
      businessDays = BigDecimal.valueOf(days).setScale(2, RoundingMode.HALF_UP);
    }
    Map<String, Object> closing = TicketRegister.columns("closed_at", TicketRegister.now());
    if (businessDays != null) {
      closing.put("resolution_business_days", businessDays);
    }
    register.set(ticketNumber, closing);
  }
}
