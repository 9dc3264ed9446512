package org.mesadeayuda.software;

import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A catalogue entry: what the software is and under which licence it may be installed (SW-2, SW-3). */
public record Software(
    @Id Long id,
    String name,
    String publisher,
    String licenceType,
    boolean preApproved,
    String prohibitedReason,
    @Version Integer version) {

  public static final String FREE = "free";
  public static final String PROHIBITED = "prohibited";
  public static final Set<String> LICENCE_TYPES = Set.of(FREE, "institutional", "subscription", "trial", PROHIBITED);
}
