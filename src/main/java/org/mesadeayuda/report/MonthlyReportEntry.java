package org.mesadeayuda.report;

import java.math.BigDecimal;
import java.time.Instant;

/** One month's report in the register (Flyway V10): its figures as JSON text and the delivery to Quality. */
public record MonthlyReportEntry(
    Long id,
    String reportMonth,
    String reportCode,
    String processInstanceId,
    String status,
    String openedBy,
    Instant openedAt,
    Instant dueAt,
    Instant figuresComputedAt,
    Integer requestsReceived,
    Integer requestsAttended,
    BigDecimal percentConforming,
    BigDecimal percentFirstResponseOnTime,
    BigDecimal averageResolutionDays,
    BigDecimal percentSatisfied,
    String figures,
    String narrative,
    String deliveredBy,
    Instant deliveredAt,
    Boolean deliveredOnTime) {

  public static final String OPEN = "open";
  public static final String DELIVERED = "delivered";
}
