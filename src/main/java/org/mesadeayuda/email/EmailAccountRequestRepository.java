package org.mesadeayuda.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface EmailAccountRequestRepository extends ListCrudRepository<EmailAccountRequest, Long> {

  Optional<EmailAccountRequest> findByCaseNumber(String caseNumber);

  List<EmailAccountRequest> findByRequestedAtGreaterThanEqualAndRequestedAtLessThanOrderByRequestedAtAsc(
      Instant from, Instant to);

  @Modifying
  @Query("""
      UPDATE email_account_request SET status = :status, decided_by = :decidedBy, decided_at = :decidedAt,
        refusal_reason = :refusalReason
      WHERE case_number = :caseNumber""")
  int recordDecision(@Param("caseNumber") String caseNumber, @Param("status") String status,
      @Param("decidedBy") String decidedBy, @Param("decidedAt") Instant decidedAt,
      @Param("refusalReason") String refusalReason);

  @Modifying
  @Query("""
      UPDATE email_account_request SET status = 'submitted', ministry_ticket_number = :ticket,
        submitted_by = :submittedBy, submitted_at = :submittedAt
      WHERE case_number = :caseNumber""")
  int recordMinistryTicket(@Param("caseNumber") String caseNumber, @Param("ticket") String ticket,
      @Param("submittedBy") String submittedBy, @Param("submittedAt") Instant submittedAt);

  @Modifying
  @Query("UPDATE email_account_request SET reminders_sent = reminders_sent + 1 WHERE case_number = :caseNumber")
  int countReminder(@Param("caseNumber") String caseNumber);

  @Modifying
  @Query("""
      UPDATE email_account_request SET status = 'answered', outcome = :outcome, account_address = :accountAddress,
        ministry_answer = :ministryAnswer, answered_by = :answeredBy, answered_at = :answeredAt
      WHERE case_number = :caseNumber""")
  int recordAnswer(@Param("caseNumber") String caseNumber, @Param("outcome") String outcome,
      @Param("accountAddress") String accountAddress, @Param("ministryAnswer") String ministryAnswer,
      @Param("answeredBy") String answeredBy, @Param("answeredAt") Instant answeredAt);
}
