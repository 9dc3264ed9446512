package org.mesadeayuda.email;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One e-mail account request (EM-1 creation, EM-2 password reset): who asked, who authorized or signed it, the
 * ministry's ticket and its answer. Never a password: the ministry hands credentials to the person directly.
 */
public record EmailAccountRequest(
    @Id Long id,
    String caseNumber,
    String processInstanceId,
    String requestType,
    String requestedBy,
    String requesterName,
    String requesterEmail,
    String jobPosition,
    String department,
    String immediateBoss,
    String requestedAccount,
    String existingAccount,
    String justification,
    String status,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String refusalReason,
    String ministryTicketNumber,
    String submittedBy,
    Instant submittedAt,
    int remindersSent,
    String outcome,
    String accountAddress,
    String ministryAnswer,
    String answeredBy,
    Instant answeredAt) {

  public static final String REQUESTED = "requested";
  public static final String APPROVED = "approved";
  public static final String REFUSED = "refused";
  public static final String SUBMITTED = "submitted";
  public static final String ANSWERED = "answered";
}
