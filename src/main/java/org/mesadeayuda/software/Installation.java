package org.mesadeayuda.software;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * Software on one unit of equipment: who installed it, under which licence, and when it was removed. A declared
 * installation (SW-3) carries the licence evidence the Technology Director accepted: its kind ("libre" with its
 * licence name, or a proprietary kind), the number, key reference or proof, and the holder.
 */
public record Installation(
    @Id Long id,
    String assetTag,
    Long softwareId,
    String softwareVersion,
    Long licenceId,
    String installedBy,
    Instant installedAt,
    String caseNumber,
    boolean declared,
    Instant removedAt,
    String removedReason,
    String licenceEvidenceType,
    String licenceReference,
    String licenceHolder,
    String licenceName) {

  /** The licence evidence of a declared installation; none for one the Directorate made under its own licences. */
  public record LicenceEvidence(String type, String reference, String holder, String name) {
    public static final LicenceEvidence NONE = new LicenceEvidence(null, null, null, null);
  }

  Installation(Long id, String assetTag, Long softwareId, String softwareVersion, Long licenceId, String installedBy,
      Instant installedAt, String caseNumber, boolean declared, Instant removedAt, String removedReason,
      LicenceEvidence evidence) {
    this(id, assetTag, softwareId, softwareVersion, licenceId, installedBy, installedAt, caseNumber, declared,
        removedAt, removedReason, evidence.type(), evidence.reference(), evidence.holder(), evidence.name());
  }

  LicenceEvidence evidence() {
    return new LicenceEvidence(licenceEvidenceType, licenceReference, licenceHolder, licenceName);
  }
}
