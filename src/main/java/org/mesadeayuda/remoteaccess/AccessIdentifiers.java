package org.mesadeayuda.remoteaccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time identifier of a work order (RA-2, RA-5): 256 random bits from a cryptographically secure source, given
 * back once to be delivered to the authorized person and stored only as its SHA-256 hash. Valid only for its work
 * order, inside the authorized window, until the session is closed, revoked or expired.
 */
@Component
public class AccessIdentifiers {

  private static final int BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final RemoteAccessGrantRepository grants;

  public AccessIdentifiers(RemoteAccessGrantRepository grants) {
    this.grants = grants;
  }

  /** Stores the grant with a new identifier's hash and returns the identifier in clear: deliver it, never store it. */
  @Transactional
  public String issue(RemoteAccessGrant grant) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    String identifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    grants.save(new RemoteAccessGrant(grant.id(), grant.workOrder(), grant.processInstanceId(), grant.accessKind(),
        grant.purpose(), grant.workDescription(), grant.assetTag(), grant.requestedBy(), grant.staffMember(),
        grant.technician(), grant.externalCompany(), grant.externalPerson(), grant.authorizedBy(),
        grant.windowStart(), grant.windowEnd(), RemoteAccessGrant.AUTHORIZED, hash(identifier), now(), null, null,
        null, false, grant.version()));
    return identifier;
  }

  /**
   * Whether the identifier opens this work order now. Says nothing else: a wrong work order, identifier, state or
   * time all answer {@code false}. The first valid use marks the session active.
   */
  @Transactional
  public boolean verify(String workOrder, String identifier) {
    if (workOrder == null || identifier == null) {
      return false;
    }
    Optional<RemoteAccessGrant> found = grants.findByWorkOrder(workOrder);
    if (found.isEmpty() || found.get().identifierHash() == null) {
      return false;
    }
    RemoteAccessGrant grant = found.get();
    boolean matches = MessageDigest.isEqual(hash(identifier).getBytes(StandardCharsets.US_ASCII),
        grant.identifierHash().getBytes(StandardCharsets.US_ASCII));
    Instant now = now();
    boolean usable = (RemoteAccessGrant.AUTHORIZED.equals(grant.state()) || RemoteAccessGrant.ACTIVE.equals(grant.state()))
        && !now.isBefore(grant.windowStart()) && now.isBefore(grant.windowEnd());
    if (matches && usable && RemoteAccessGrant.AUTHORIZED.equals(grant.state())) {
      grants.save(grant.activated(now));
    }
    return matches && usable;
  }

  /** Ends the identifier: closed at the end of the work, revoked on an alert, expired when the window passed. */
  @Transactional
  public void end(String workOrder, String state) {
    grants.findByWorkOrder(workOrder)
        .filter(grant -> RemoteAccessGrant.AUTHORIZED.equals(grant.state())
            || RemoteAccessGrant.ACTIVE.equals(grant.state()))
        .ifPresent(grant -> grants.save(grant.ended(state, now())));
  }

  static String hash(String identifier) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(identifier.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
