package org.mesadeayuda.maintenance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * PM-4: "80 % compliance of preventive maintenance of computer equipment" = units maintained ÷ units programmed.
 * A unit moved to another week counts once, in the week it ended in. {@link #met} decides on the exact fraction;
 * {@link #percent} is only what is shown (one decimal, rounded down).
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
    return new ComplianceIndicator(programme.semester(), programme.status(), programmed, maintained,
        count(items, MaintenanceItem.NOT_DONE), (int) items.stream().filter(MaintenanceItem::pending).count(),
        (int) items.stream().filter(item -> item.id() != null && movedItems.contains(item.id())).count(),
        (int) items.stream().filter(MaintenanceItem::overdue).count(),
        shownPercent(maintained, programmed), target, met(maintained, programmed, target));
  }

  /**
   * PM-4's decision, on the exact fraction: maintained ÷ programmed ≥ target %, compared in integers
   * (maintained × 100 ≥ target × programmed), so 799 of 1,000 (79.9 %) or 1,999 of 2,500 (79.96 %) is not met. An
   * empty programme meets nothing.
   */
  static boolean met(long maintained, long programmed, int target) {
    return programmed > 0 && maintained * 100 >= (long) target * programmed;
  }

  /**
   * The percentage shown to people and stored in the register, to one decimal <b>rounded down</b>: the figure shown
   * is never above the real one, so "80,0 %" always means the target was met and 79.96 % reads "79,9 %" next to
   * "no alcanzada" (rounding half up would show "80,0 %" beside it).
   */
  static BigDecimal shownPercent(long maintained, long programmed) {
    return programmed == 0 ? BigDecimal.ZERO.setScale(1)
        : BigDecimal.valueOf(maintained * 100).divide(BigDecimal.valueOf(programmed), 1, RoundingMode.DOWN);
  }

  /** The percentage as people write it here: {@code 83,3 %}. */
  public String percentLabel() {
    return percent.toPlainString().replace('.', ',') + " %";
  }

  private static int count(List<MaintenanceItem> items, String status) {
    return (int) items.stream().filter(item -> status.equals(item.status())).count();
  }
}
