package org.mesadeayuda.support;

import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Writes the ticket register from the process. Called inside the engine's transaction, so a row and the process state
 * it describes are committed, or rolled back, together.
 */
@Component
public class TicketRegister {

  private final SupportTicketRepository repository;

  public TicketRegister(SupportTicketRepository repository) {
    this.repository = repository;
  }

  public SupportTicket open(SupportTicket ticket) {
    return repository.save(ticket);
  }

  public SupportTicket get(String ticketNumber) {
    return repository.findByTicketNumber(ticketNumber)
        .orElseThrow(() -> new IllegalStateException("ticket " + ticketNumber + " is not in the register"));
  }

  public SupportTicket update(String ticketNumber, Consumer<SupportTicket> change) {
    SupportTicket ticket = get(ticketNumber);
    change.accept(ticket);
    return repository.save(ticket);
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
