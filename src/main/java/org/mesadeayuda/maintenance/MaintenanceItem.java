package org.mesadeayuda.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One unit in a programme: the week it is planned for (after any reprogramming), the week first approved, and what
 * the technician recorded.
 */
public record MaintenanceItem(
    @Id Long id,
    Long programmeId,
    String assetTag,
    String department,
    String description,
    LocalDate originalWeek,
    LocalDate plannedWeek,
    String status,
    boolean overdue,
    Boolean cleaningDone,
    Boolean coolingChecked,
    Boolean upsChecked,
    Boolean networkChecked,
    Boolean softwareUpdated,
    String notDoneReason,
    String notes,
    String technician,
    Instant executedAt,
    @Version Integer version) {

  public static final String PLANNED = "planned";
  public static final String CONFIRMED = "confirmed";
  public static final String DONE = "done";
  public static final String NOT_DONE = "not_done";

  static MaintenanceItem planned(Long programmeId, String assetTag, String department, String description,
      LocalDate week) {
    return new MaintenanceItem(null, programmeId, assetTag, department, description, week, week, PLANNED, false,
        null, null, null, null, null, null, null, null, null, null);
  }

  boolean pending() {
    return PLANNED.equals(status) || CONFIRMED.equals(status);
  }

  MaintenanceItem confirmed() {
    return withStatus(PLANNED.equals(status) ? CONFIRMED : status);
  }

  /** The head of IT places the unit in another week while drafting: not a reprogramming, both weeks change. */
  MaintenanceItem plannedFor(LocalDate week) {
    return new MaintenanceItem(id, programmeId, assetTag, department, description, week, week, PLANNED, false, null,
        null, null, null, null, null, null, null, null, version);
  }

  MaintenanceItem movedTo(LocalDate week) {
    return new MaintenanceItem(id, programmeId, assetTag, department, description, originalWeek, week, PLANNED,
        overdue, cleaningDone, coolingChecked, upsChecked, networkChecked, softwareUpdated, notDoneReason, notes,
        technician, executedAt, version);
  }

  MaintenanceItem done(Checklist checklist, String notes, String technician, Instant at) {
    return new MaintenanceItem(id, programmeId, assetTag, department, description, originalWeek, plannedWeek, DONE,
        overdue, checklist.cleaning(), checklist.cooling(), checklist.ups(), checklist.network(),
        checklist.softwareUpdates(), null, notes, technician, at, version);
  }

  MaintenanceItem notDone(String reason, String notes, String technician, Instant at) {
    return new MaintenanceItem(id, programmeId, assetTag, department, description, originalWeek, plannedWeek,
        NOT_DONE, overdue, null, null, null, null, null, reason, notes, technician, at, version);
  }

  MaintenanceItem flaggedOverdue() {
    return new MaintenanceItem(id, programmeId, assetTag, department, description, originalWeek, plannedWeek, status,
        true, cleaningDone, coolingChecked, upsChecked, networkChecked, softwareUpdated, notDoneReason, notes,
        technician, executedAt, version);
  }

  private MaintenanceItem withStatus(String newStatus) {
    return new MaintenanceItem(id, programmeId, assetTag, department, description, originalWeek, plannedWeek,
        newStatus, overdue, cleaningDone, coolingChecked, upsChecked, networkChecked, softwareUpdated, notDoneReason,
        notes, technician, executedAt, version);
  }

  /** The activities of the checklist (PM-5), as the technician ticked them. */
  record Checklist(boolean cleaning, boolean cooling, boolean ups, boolean network, boolean softwareUpdates) {
    boolean any() {
      return cleaning || cooling || ups || network || softwareUpdates;
    }
  }
}
