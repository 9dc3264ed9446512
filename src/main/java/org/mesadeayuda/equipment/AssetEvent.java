package org.mesadeayuda.equipment;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One line of a unit's history: what a case did with it (held as a spare, lent, returned, replaced, the lessor's
 * answer to a refused claim) and when.
 */
public record AssetEvent(
    @Id Long id,
    String assetTag,
    String caseNumber,
    String event,
    String detail,
    String recordedBy,
    Instant recordedAt) {

  public static final String SPARE_HELD = "spare_held";
  public static final String SPARE_RELEASED = "spare_released";
  public static final String LOANER_LENT = "loaner_lent";
  public static final String LOANER_RETURNED = "loaner_returned";
  public static final String LESSOR_PURSUED = "lessor_pursued";
}
