package org.mesadeayuda.specialised;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;

/**
 * One specialised request (002 §4.2: development, acquisition, adjustment) from the request to the delivery: its
 * classification, the Technology Director's decision, the plan with its resource check (002 §3) and the delivery.
 */
public record SpecialisedRequest(
    @Id Long id,
    String caseNumber,
    String processInstanceId,
    String ticketNumber,
    String requester,
    String requesterName,
    String requesterEmail,
    String department,
    String description,
    String justification,
    String proposedKind,
    String status,
    Instant requestedAt,
    String kind,
    String classificationNotes,
    String classifiedBy,
    Instant classifiedAt,
    int informationRequests,
    String lastQuestion,
    String lastAnswer,
    String decidedBy,
    Instant decidedAt,
    String refusalReason,
    String technician,
    Boolean humanResourcesChecked,
    Boolean technicalResourcesChecked,
    String resourcesDetail,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    String plannedBy,
    Instant plannedAt,
    String deliverySummary,
    String deliveredBy,
    Instant deliveredAt,
    Instant closedAt) {

  public static final String RECEIVED = "received";
  public static final String CLASSIFIED = "classified";
  public static final String INFORMATION_REQUESTED = "information_requested";
  public static final String APPROVED = "approved";
  public static final String REFUSED = "refused";
  public static final String PLANNED = "planned";
  public static final String DELIVERED = "delivered";
  public static final String CANCELLED = "cancelled";

  static SpecialisedRequest received(String caseNumber, String processInstanceId, String ticketNumber,
      String requester, String requesterName, String requesterEmail, String department, String description,
      String justification, String proposedKind, Instant requestedAt) {
    return new SpecialisedRequest(null, caseNumber, processInstanceId, ticketNumber, requester, requesterName,
        requesterEmail, department, description, justification, proposedKind, RECEIVED, requestedAt, null, null,
        null, null, 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }
}
