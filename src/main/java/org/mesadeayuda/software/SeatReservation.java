package org.mesadeayuda.software;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A licence seat held for one software-installation case, from its approval until the installation is recorded. */
public record SeatReservation(@Id Long id, Long licenceId, String caseNumber, Instant reservedAt) {}
