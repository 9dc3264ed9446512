package org.mesadeayuda.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;

/** One entry of the reprogramming register (DIACO-IN-FO-03). Entries are only added, never changed. */
public record MaintenanceReprogramming(
    @Id Long id,
    Long programmeId,
    Long itemId,
    String assetTag,
    String department,
    LocalDate originalWeek,
    LocalDate newWeek,
    String reason,
    String requestedBy,
    String recordedBy,
    Instant recordedAt) {}
