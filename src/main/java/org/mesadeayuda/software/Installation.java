package org.mesadeayuda.software;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** Software on one unit of equipment: who installed it, under which licence, and when it was removed. */
public record Installation(
    @Id Long id,
    String assetTag,
    Long softwareId,
    String softwareVersion,
    Long licenceId,
    String installedBy,
    Instant installedAt,
    String caseNumber,
    boolean declared,
    Instant removedAt,
    String removedReason) {}
