package org.mesadeayuda.remoteaccess;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One work order's remote access (RA-2, RA-5): who connects, to what, in which window, and the state of its
 * one-time identifier, of which only the hash is kept.
 */
public record RemoteAccessGrant(
    @Id Long id,
    String workOrder,
    String processInstanceId,
    String accessKind,
    String purpose,
    String workDescription,
    String assetTag,
    String requestedBy,
    String staffMember,
    String technician,
    String externalCompany,
    String externalPerson,
    String authorizedBy,
    Instant windowStart,
    Instant windowEnd,
    String state,
    String identifierHash,
    Instant issuedAt,
    Instant activatedAt,
    Instant endedAt,
    String workReport,
    boolean reportWaived,
    @Version Integer version) {

  public static final String AUTHORIZED = "authorized";
  public static final String ACTIVE = "active";
  public static final String CLOSED = "closed";
  public static final String REVOKED = "revoked";
  public static final String EXPIRED = "expired";

  RemoteAccessGrant ended(String newState, Instant at) {
    return new RemoteAccessGrant(id, workOrder, processInstanceId, accessKind, purpose, workDescription, assetTag,
        requestedBy, staffMember, technician, externalCompany, externalPerson, authorizedBy, windowStart, windowEnd,
        newState, identifierHash, issuedAt, activatedAt, at, workReport, reportWaived, version);
  }

  RemoteAccessGrant activated(Instant at) {
    return new RemoteAccessGrant(id, workOrder, processInstanceId, accessKind, purpose, workDescription, assetTag,
        requestedBy, staffMember, technician, externalCompany, externalPerson, authorizedBy, windowStart, windowEnd,
        ACTIVE, identifierHash, issuedAt, at, endedAt, workReport, reportWaived, version);
  }

  RemoteAccessGrant reported(String report, boolean waived) {
    return new RemoteAccessGrant(id, workOrder, processInstanceId, accessKind, purpose, workDescription, assetTag,
        requestedBy, staffMember, technician, externalCompany, externalPerson, authorizedBy, windowStart, windowEnd,
        state, identifierHash, issuedAt, activatedAt, endedAt, report, waived, version);
  }
}
