package org.mesadeayuda.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The figures of one month of the help desk (RP-1, RP-2), as the monthly report presents them to Quality Management.
 * Requests "received" were opened in the month, requests "attended" were closed in it; the deadline, resolution time
 * and satisfaction figures are those of the requests attended. Percentages are null when nothing was measured.
 *
 * <p>Percentages and averages are exact (the fraction of the counts kept beside them): whatever compares one with a
 * target decides on the value itself, not on a rounded one (issue 14: 79.96 % is not 80 %). Only what a person reads
 * is rounded: the report's text ({@link MonthlyReportText}, one decimal) and the register's columns (two).
 */
public record MonthlyFigures(
    String month,
    Requests requests,
    Deadline deadline,
    FirstResponse firstResponse,
    Double averageResolutionBusinessDays,
    Satisfaction satisfaction,
    Escalations escalations,
    AdditionalTasks additionalTasks) {

  /** Received and attended, in total, per request type and per channel (SR-1, SR-2). */
  public record Requests(long received, long attended, Map<String, Long> receivedPerType,
      Map<String, Long> attendedPerType, Map<String, Long> receivedPerChannel) {}

  /** The 3-business-day deadline (SR-8) of the requests attended; exempt ones are counted apart, per reason. */
  public record Deadline(long conforming, long nonConforming, long exempt, Map<String, Long> exemptPerReason) {

    @JsonProperty
    public Double percentConforming() {
      return percent(conforming, conforming + nonConforming);
    }
  }

  /** The first response within 12 hours (SR-9) of the requests received in the month. */
  public record FirstResponse(long onTime, long late, long pending) {

    @JsonProperty
    public Double percentOnTime() {
      return percent(onTime, onTime + late);
    }
  }

  /**
   * The satisfaction survey (SR-12) of the requests attended: the requester answers conforme or no conforme, so the
   * average rating is the share of conforme among the answers. Without an answer in time the case closes "sin
   * respuesta"; pending ones may still be rated.
   */
  public record Satisfaction(long conforme, long noConforme, long withoutAnswer, long pending) {

    @JsonProperty
    public Double percentSatisfied() {
      return percent(conforme, conforme + noConforme);
    }
  }

  /** Escalations (SR-6) and deadline extensions (SR-10) of the requests attended. */
  public record Escalations(long escalatedRequests, long escalations, Map<String, Long> extensionsPerCause) {}

  /** The month's work beside the requests, from the other registers. */
  public record AdditionalTasks(long maintenanceDone, long maintenanceNotDone, long backupsDone, long backupsRefused,
      long weeklyBackupsOk, long weeklyBackupsFailed, long weeklyBackupsLate, long remoteSessionsClosed,
      long remoteSessionsRevoked, long equipmentCasesClosed, long softwareInstalled, long softwareDeclared,
      long softwareRemoved) {}

  static Double percent(long part, long whole) {
    return whole == 0 ? null : 100.0 * part / whole;
  }
}
