package org.mesadeayuda.software;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidFieldsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Technology Directorate's licence register (SW-2): what may be installed, how many seats are free, and every
 * installation with the seat it uses. A seat is taken in the same transaction as the installation record, by a
 * conditional update, so seats never go below zero, also when two approvals arrive at the same moment.
 */
@Component
public class LicenceRegister {

  /** The register refused a catalogue entry or a licence: every field and why. */
  public static class InvalidSoftwareException extends InvalidFieldsException {
    public InvalidSoftwareException(List<FieldProblem> problems) {
      super(problems);
    }
  }

  private final SoftwareRepository catalogue;
  private final LicenceRepository licences;
  private final InstallationRepository installations;
  private final SeatReservationRepository reservations;
  private final BusinessCalendar calendar;

  public LicenceRegister(SoftwareRepository catalogue, LicenceRepository licences,
      InstallationRepository installations, SeatReservationRepository reservations, BusinessCalendar calendar) {
    this.catalogue = catalogue;
    this.licences = licences;
    this.installations = installations;
    this.reservations = reservations;
    this.calendar = calendar;
  }

  public Optional<Software> find(String name) {
    return name == null ? Optional.empty() : catalogue.findByNameIgnoringCase(name.trim());
  }

  public int freeSeats(Long softwareId) {
    return licences.findWithFreeSeats(softwareId, today()).stream()
        .mapToInt(licence -> licence.seats() - licence.seatsUsed()).sum();
  }

  /**
   * Records the installation and takes a seat for it, or, when the licence allows no more installations (all seats
   * taken or expired), records nothing and answers empty. Free software needs no seat; prohibited software is never
   * recorded as installed (SW-3).
   */
  @Transactional
  public Optional<Installation> install(String caseNumber, String assetTag, Long softwareId, String version,
      String installedBy, boolean declared) {
    Software software = catalogue.findById(softwareId).orElseThrow();
    if (Software.PROHIBITED.equals(software.licenceType())) {
      return Optional.empty();
    }
    Long licenceId = null;
    if (!Software.FREE.equals(software.licenceType())) {
      for (Licence licence : licences.findWithFreeSeats(softwareId, today())) {
        if (licences.takeSeat(licence.id(), today()) == 1) {
          licenceId = licence.id();
          break;
        }
      }
      if (licenceId == null) {
        return Optional.empty();
      }
    }
    return Optional.of(installations.save(new Installation(null, assetTag, softwareId, version, licenceId,
        installedBy, now(), caseNumber, declared, null, null, Installation.LicenceEvidence.NONE)));
  }

  /**
   * Software a user had installed by a third party, under the user's own licence (SW-3), once the Technology
   * Directorate accepted the declaration: recorded without taking an institutional seat. Software not yet in the
   * catalogue enters it (as free software when the evidence is a free licence); prohibited software is never
   * recorded. The licence evidence the Director accepted is kept with the installation ("debe tener su licencia de
   * uso").
   */
  @Transactional
  public Optional<Installation> recordDeclared(String caseNumber, String assetTag, String softwareName,
      String version, String installedBy, Installation.LicenceEvidence evidence) {
    Software software = find(softwareName).orElseGet(() -> catalogue.save(new Software(null, softwareName.trim(),
        null, FREE_EVIDENCE.equals(evidence.type()) ? Software.FREE : "institutional", false, null, null)));
    if (Software.PROHIBITED.equals(software.licenceType())) {
      return Optional.empty();
    }
    return Optional.of(installations.save(new Installation(null, assetTag, software.id(), version, null,
        installedBy, now(), caseNumber, true, null, null, evidence)));
  }

  /** The evidence kind of free software: it takes no seat, but its licence is named. */
  public static final String FREE_EVIDENCE = "libre";

  /**
   * Holds one seat of the software for the case, taken by the same conditional update as an installation (of two
   * cases choosing the last seat one wins): while held it counts as used, so no other case can take it. Answers
   * whether the case holds a seat (it may already hold one: the step ran again).
   */
  @Transactional
  public boolean reserveSeat(String caseNumber, Long softwareId) {
    if (reservations.findByCaseNumber(caseNumber).isPresent()) {
      return true;
    }
    for (Licence licence : licences.findWithFreeSeats(softwareId, today())) {
      if (licences.takeSeat(licence.id(), today()) == 1) {
        reservations.save(new SeatReservation(null, licence.id(), caseNumber, now()));
        return true;
      }
    }
    return false;
  }

  /** The seat the case held goes back to its licence (refused, cancelled, or the case ended). */
  @Transactional
  public void releaseSeat(String caseNumber) {
    reservations.findByCaseNumber(caseNumber).ifPresent(held -> {
      licences.releaseSeat(held.licenceId());
      reservations.delete(held);
    });
  }

  /** The cases that hold a seat. */
  public List<String> casesHoldingSeats() {
    return reservations.findCaseNumbers();
  }

  /**
   * Records the installation with the seat the case holds, checked again now: the licence must still be valid today.
   * A case whose seat is gone (released, or its licence expired meanwhile) takes another free seat if one is left;
   * otherwise nothing is recorded and the answer is empty.
   */
  @Transactional
  public Optional<Installation> installWithReservedSeat(String caseNumber, String assetTag, Long softwareId,
      String version, String installedBy) {
    Optional<SeatReservation> held = reservations.findByCaseNumber(caseNumber);
    if (held.isPresent()) {
      Optional<Licence> licence = licences.findById(held.get().licenceId())
          .filter(valid -> valid.softwareId().equals(softwareId))
          .filter(valid -> valid.expiresOn() == null || !valid.expiresOn().isBefore(today()));
      if (licence.isPresent()) {
        reservations.delete(held.get());
        return Optional.of(installations.save(new Installation(null, assetTag, softwareId, version,
            licence.get().id(), installedBy, now(), caseNumber, false, null, null,
            Installation.LicenceEvidence.NONE)));
      }
      releaseSeat(caseNumber);
    }
    return install(caseNumber, assetTag, softwareId, version, installedBy, false);
  }

  /** Software removed, or its equipment decommissioned: the installation ends and its seat is free again. */
  @Transactional
  public Installation uninstall(Long installationId, String reason) {
    List<FieldProblem> problems = new ArrayList<>();
    tooLong("reason", reason, 500, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSoftwareException(problems);
    }
    Installation installed = installations.findById(installationId)
        .orElseThrow(() -> new InvalidSoftwareException(List.of(new FieldProblem("id", "no existe la instalación"))));
    if (installed.removedAt() != null) {
      return installed;
    }
    if (installed.licenceId() != null) {
      licences.releaseSeat(installed.licenceId());
    }
    return installations.save(new Installation(installed.id(), installed.assetTag(), installed.softwareId(),
        installed.softwareVersion(), installed.licenceId(), installed.installedBy(), installed.installedAt(),
        installed.caseNumber(), installed.declared(), now(), reason, installed.evidence()));
  }

  @Transactional
  public Licence addLicences(Long softwareId, int seats, LocalDate expiresOn, String proofReference) {
    if (catalogue.findById(softwareId).isEmpty()) {
      throw new InvalidSoftwareException(List.of(new FieldProblem("softwareId", "no está en el catálogo")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (seats < 1) {
      problems.add(new FieldProblem("seats", "debe ser 1 o más"));
    }
    tooLong("proofReference", proofReference, 200, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSoftwareException(problems);
    }
    return licences.save(new Licence(null, softwareId, seats, 0, expiresOn, proofReference, null));
  }

  @Transactional
  public Software save(Software software) {
    List<FieldProblem> problems = new ArrayList<>();
    if (software.name() == null || software.name().isBlank()) {
      problems.add(new FieldProblem("name", "es obligatorio"));
    }
    tooLong("name", software.name(), 200, problems);
    tooLong("publisher", software.publisher(), 200, problems);
    tooLong("prohibitedReason", software.prohibitedReason(), 500, problems);
    if (software.licenceType() == null || !Software.LICENCE_TYPES.contains(software.licenceType())) {
      problems.add(new FieldProblem("licenceType", "debe ser uno de " + String.join(", ", Software.LICENCE_TYPES)));
    }
    if (Software.PROHIBITED.equals(software.licenceType())
        && (software.prohibitedReason() == null || software.prohibitedReason().isBlank())) {
      problems.add(new FieldProblem("prohibitedReason", "indique por qué está prohibido"));
    }
    find(software.name()).filter(existing -> !existing.id().equals(software.id()))
        .ifPresent(existing -> problems.add(new FieldProblem("name", "ya existe en el catálogo")));
    if (!problems.isEmpty()) {
      throw new InvalidSoftwareException(problems);
    }
    return catalogue.save(software);
  }

  /** Longer than its column (V4__licence_register.sql): refused before anything is written. */
  private static void tooLong(String field, String value, int maxLength, List<FieldProblem> problems) {
    if (value != null && value.length() > maxLength) {
      problems.add(new FieldProblem(field, "admite hasta " + maxLength + " caracteres (tiene " + value.length() + ")"));
    }
  }

  private LocalDate today() {
    return now().atZone(calendar.zone()).toLocalDate();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
