package org.mesadeayuda.backup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface BackupRequestRepository extends ListCrudRepository<BackupRequest, Long> {

  Optional<BackupRequest> findByCaseNumber(String caseNumber);

  List<BackupRequest> findByRequestedAtGreaterThanEqualAndRequestedAtLessThanOrderByRequestedAtAsc(Instant from,
      Instant to);

  @Modifying
  @Query("""
      UPDATE backup_request SET status = :status, decided_by = :decidedBy, decided_at = :decidedAt,
        data_stays_confirmed = :dataStays, requested_medium = COALESCE(:medium, requested_medium),
        refusal_reason = :refusalReason
      WHERE case_number = :caseNumber""")
  int recordDecision(@Param("caseNumber") String caseNumber, @Param("status") String status,
      @Param("decidedBy") String decidedBy, @Param("decidedAt") Instant decidedAt,
      @Param("dataStays") Boolean dataStays, @Param("medium") String medium,
      @Param("refusalReason") String refusalReason);

  @Modifying
  @Query("""
      UPDATE backup_request SET status = 'done', storage_location = :storageLocation, copy_size = :copySize,
        copy_medium = :copyMedium, medium_label = :mediumLabel, copied_on = :copiedOn,
        backup_schedule = :backupSchedule, performed_by = :performedBy, performed_at = :performedAt
      WHERE case_number = :caseNumber""")
  int recordCopy(@Param("caseNumber") String caseNumber, @Param("storageLocation") String storageLocation,
      @Param("copySize") String copySize, @Param("copyMedium") String copyMedium,
      @Param("mediumLabel") String mediumLabel, @Param("copiedOn") LocalDate copiedOn,
      @Param("backupSchedule") String backupSchedule, @Param("performedBy") String performedBy,
      @Param("performedAt") Instant performedAt);
}
