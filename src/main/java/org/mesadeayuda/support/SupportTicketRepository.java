package org.mesadeayuda.support;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

public interface SupportTicketRepository extends CrudRepository<SupportTicket, Long> {

  /**
   * The ticket's row. A written query rather than a derived one: Spring Data JDBC builds a derived query's SQL anew
   * at every call, and the closing step reads the row of every ticket (issue 19).
   */
  @Query("SELECT * FROM support_ticket WHERE ticket_number = :ticketNumber")
  Optional<SupportTicket> findByTicketNumber(@Param("ticketNumber") String ticketNumber);
}
