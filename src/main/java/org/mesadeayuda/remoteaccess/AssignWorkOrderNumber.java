package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.BusinessKeys;
import org.mesadeayuda.platform.TicketNumbers;
import org.springframework.stereotype.Component;

/** Every remote connection belongs to one work order with its own number (RA-2). */
@Component("assignWorkOrderNumber")
public class AssignWorkOrderNumber implements ExecutionListener {

  /** The purposes the manual allows (RA-1); anything else is refused. */
  static final Map<String, String> PURPOSES = Map.of(
      "updates", "Actualización de programas, sistemas, aplicaciones o herramientas y servicios de TI",
      "it_consultation", "Consulta sobre el uso de herramientas informáticas",
      "backup", "Copias de seguridad",
      "it_audit", "Auditoría informática",
      "other", "Otro (no permitido)");

  private final TicketNumbers ticketNumbers;
  private final BusinessCalendar calendar;

  public AssignWorkOrderNumber(TicketNumbers ticketNumbers, BusinessCalendar calendar) {
    this.ticketNumbers = ticketNumbers;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String number = BusinessKeys.assign(execution, ticketNumbers, WORK_ORDER_PREFIX);
    execution.setVariable(WORK_ORDER, number);
    String purpose = string(execution, PURPOSE);
    if (purpose == null || !PURPOSES.containsKey(purpose)) {
      execution.setVariable(PURPOSE, "other");
    }
    execution.setVariable(PURPOSE_LABEL, PURPOSES.get(string(execution, PURPOSE)));
    normalizeWindow(execution, calendar.zone());
  }
}
