package org.mesadeayuda.maintenance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * PM-4: "80 % compliance of preventive maintenance of computer equipment" = units maintained ÷ units programmed.
 * A unit moved to another week counts once, in the week it ended in.
 *
 * @param pending units still without a record (only before the programme closes)
 * @param reprogrammed units moved at least once (DIACO-IN-FO-03)
 * @param overdue units whose week passed without a record
 */
public record ComplianceIndicator(
    String semester,
    String status,
    int programmed,
    int maintained,
    int notDone,
    int pending,
    int reprogrammed,
    int overdue,
    BigDecimal percent,
    int target,
    boolean met) {

  static ComplianceIndicator of(MaintenanceProgramme programme, List<MaintenanceItem> items, Set<Long> movedItems,
      int target) {
    int programmed = items.size();
    int maintained = count(items, MaintenanceItem.DONE);
    BigDecimal percent = programmed == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(maintained * 100L).divide(BigDecimal.valueOf(programmed), 1, RoundingMode.HALF_UP);
    return new ComplianceIndicator(programme.semester(), programme.status(), programmed, maintained,
        count(items, MaintenanceItem.NOT_DONE), (int) items.stream().filter(MaintenanceItem::pending).count(),
        (int) items.stream().filter(item -> movedItems.contains(item.id())).count(),
        (int) items.stream().filter(MaintenanceItem::overdue).count(),
        percent, target, programmed > 0 && percent.compareTo(BigDecimal.valueOf(target)) >= 0);
  }

  /** The percentage as people write it here: {@code 83,3 %}. */
  public String percentLabel() {
    return percent.toPlainString().replace('.', ',') + " %";
  }

  private static int count(List<MaintenanceItem> items, String status) {
    return (int) items.stream().filter(item -> status.equals(item.status())).count();
  }
}
