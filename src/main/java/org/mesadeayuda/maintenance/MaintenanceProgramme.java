package org.mesadeayuda.maintenance;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A semester's preventive-maintenance programme (DIACO-IN-FO-02) and, once closed, its compliance indicator. */
public record MaintenanceProgramme(
    @Id Long id,
    String programmeCode,
    String semester,
    String processInstanceId,
    String status,
    Instant openedAt,
    String draftedBy,
    int rejections,
    String lastRejectionComments,
    String approvedBy,
    Instant approvedAt,
    Integer programmedCount,
    Integer maintainedCount,
    BigDecimal compliancePercent,
    Instant closedAt,
    Instant qualityDueAt,
    String indicatorAnalysis,
    String deliveredBy,
    Instant deliveredAt,
    @Version Integer version) {

  public static final String DRAFTING = "drafting";
  public static final String APPROVED = "approved";
  public static final String EXECUTING = "executing";
  public static final String CLOSED = "closed";
  public static final String DELIVERED = "delivered";

  static MaintenanceProgramme open(Semester semester, String processInstanceId, Instant at) {
    return new MaintenanceProgramme(null, "MP-" + semester.code(), semester.code(), processInstanceId, DRAFTING, at,
        null, 0, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A new case takes over a draft whose case was cancelled: back to an empty draft, same code. */
  MaintenanceProgramme reopened(String newProcessInstanceId, Instant at) {
    return new MaintenanceProgramme(id, programmeCode, semester, newProcessInstanceId, DRAFTING, at, null, 0, null,
        null, null, null, null, null, null, null, null, null, null, version);
  }

  MaintenanceProgramme drafted(String by) {
    return new MaintenanceProgramme(id, programmeCode, semester, processInstanceId, status, openedAt, by, rejections,
        lastRejectionComments, approvedBy, approvedAt, programmedCount, maintainedCount, compliancePercent, closedAt,
        qualityDueAt, indicatorAnalysis, deliveredBy, deliveredAt, version);
  }

  MaintenanceProgramme approved(String by, Instant at) {
    return new MaintenanceProgramme(id, programmeCode, semester, processInstanceId, APPROVED, openedAt, draftedBy,
        rejections, lastRejectionComments, by, at, programmedCount, maintainedCount, compliancePercent, closedAt,
        qualityDueAt, indicatorAnalysis, deliveredBy, deliveredAt, version);
  }

  MaintenanceProgramme rejected(String comments) {
    return new MaintenanceProgramme(id, programmeCode, semester, processInstanceId, DRAFTING, openedAt, draftedBy,
        rejections + 1, comments, approvedBy, approvedAt, programmedCount, maintainedCount, compliancePercent,
        closedAt, qualityDueAt, indicatorAnalysis, deliveredBy, deliveredAt, version);
  }

  MaintenanceProgramme executing() {
    return new MaintenanceProgramme(id, programmeCode, semester, processInstanceId, EXECUTING, openedAt, draftedBy,
        rejections, lastRejectionComments, approvedBy, approvedAt, programmedCount, maintainedCount,
        compliancePercent, closedAt, qualityDueAt, indicatorAnalysis, deliveredBy, deliveredAt, version);
  }

  MaintenanceProgramme closed(ComplianceIndicator indicator, Instant at, Instant dueAt) {
    return new MaintenanceProgramme(id, programmeCode, semester, processInstanceId, CLOSED, openedAt, draftedBy,
        rejections, lastRejectionComments, approvedBy, approvedAt, indicator.programmed(), indicator.maintained(),
        indicator.percent(), at, dueAt, indicatorAnalysis, deliveredBy, deliveredAt, version);
  }

  MaintenanceProgramme delivered(String analysis, String by, Instant at) {
    return new MaintenanceProgramme(id, programmeCode, semester, processInstanceId, DELIVERED, openedAt, draftedBy,
        rejections, lastRejectionComments, approvedBy, approvedAt, programmedCount, maintainedCount,
        compliancePercent, closedAt, qualityDueAt, analysis, by, at, version);
  }
}
