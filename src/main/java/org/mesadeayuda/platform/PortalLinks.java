package org.mesadeayuda.platform;

import java.util.Date;

/**
 * Links into the staff's own pages ("Mis solicitudes") for the e-mails the procedures send. The portal implements it;
 * a procedure only asks for a link, so procedures never depend on the portal.
 */
public interface PortalLinks {

  /** The page of one of the person's requests. */
  String request(String caseNumber);

  /**
   * A link that lets the requester rate the case once, without signing in (SR-12): it carries a new one-time token for
   * this case only, valid until {@code expiresAt} (the rating timer) and only while the rating task is open. Issuing
   * one replaces the case's earlier links.
   */
  String rating(String caseNumber, String processInstanceId, String requester, Date expiresAt);
}
