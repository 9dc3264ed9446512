package org.mesadeayuda.backup;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One weekly backup of the data-centre databases and website in the security register (DIACO-IN-FO-06, BK-5): what
 * was backed up, on which medium and label, the result and who ran it.
 */
public record SecurityRegisterEntry(
    @Id Long id,
    String runCode,
    String processInstanceId,
    Instant scheduledAt,
    Instant dueAt,
    String status,
    boolean overdue,
    Boolean databasesBackedUp,
    Boolean websiteBackedUp,
    String otherSystems,
    String medium,
    String mediumLabel,
    String failureReason,
    String notes,
    String performedBy,
    Instant recordedAt) {

  public static final String PENDING = "pending";
}
