package org.mesadeayuda.backup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface SecurityRegisterRepository extends ListCrudRepository<SecurityRegisterEntry, Long> {

  Optional<SecurityRegisterEntry> findByRunCode(String runCode);

  List<SecurityRegisterEntry> findByScheduledAtGreaterThanEqualAndScheduledAtLessThanOrderByScheduledAtAsc(
      Instant from, Instant to);

  @Modifying
  @Query("""
      UPDATE security_register_entry SET status = :status, databases_backed_up = :databases,
        website_backed_up = :website, other_systems = :otherSystems, medium = :medium, medium_label = :mediumLabel,
        failure_reason = :failureReason, notes = :notes, performed_by = :performedBy, recorded_at = :recordedAt
      WHERE run_code = :runCode""")
  int recordRun(@Param("runCode") String runCode, @Param("status") String status,
      @Param("databases") boolean databases, @Param("website") boolean website,
      @Param("otherSystems") String otherSystems, @Param("medium") String medium,
      @Param("mediumLabel") String mediumLabel, @Param("failureReason") String failureReason,
      @Param("notes") String notes, @Param("performedBy") String performedBy,
      @Param("recordedAt") Instant recordedAt);

  @Modifying
  @Query("UPDATE security_register_entry SET overdue = TRUE WHERE run_code = :runCode")
  int markOverdue(@Param("runCode") String runCode);
}
