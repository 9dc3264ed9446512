package org.mesadeayuda.support;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

public interface SupportTicketRepository extends CrudRepository<SupportTicket, Long> {

  Optional<SupportTicket> findByTicketNumber(String ticketNumber);
}
