package org.mesadeayuda.software;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** Seats bought for one catalogue entry, with their expiry and the proof of purchase. */
public record Licence(
    @Id Long id,
    Long softwareId,
    int seats,
    int seatsUsed,
    LocalDate expiresOn,
    String proofReference,
    @Version Integer version) {}
