package org.mesadeayuda.backup;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;

/**
 * One backup request (BK-1..BK-4) and the copy made for it: what information, where it was, which kind of backup,
 * the area director's decision for a removable medium, and where the Technology Directorate keeps the copy.
 */
public record BackupRequest(
    @Id Long id,
    String caseNumber,
    String processInstanceId,
    String requestedBy,
    String requesterName,
    String requesterEmail,
    String department,
    String informationDescription,
    String informationLocation,
    String locationDetail,
    String backupKind,
    boolean userResponsibilityInformed,
    String requestedSchedule,
    String requestedMedium,
    String status,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    Boolean dataStaysConfirmed,
    String refusalReason,
    String storageLocation,
    String copySize,
    String copyMedium,
    String mediumLabel,
    LocalDate copiedOn,
    String backupSchedule,
    String performedBy,
    Instant performedAt) {

  public static final String REQUESTED = "requested";
  public static final String AUTHORIZED = "authorized";
  public static final String REFUSED = "refused";
  public static final String DONE = "done";
}
