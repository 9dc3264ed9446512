package org.mesadeayuda.software;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.ProcessVariables;

/** The variables of the software-installation process (form keys and DMN inputs/outputs use the same names). */
public final class SoftwareInstallationVariables {

  public static final String PROCESS_KEY = "software-installation";
  public static final String CASE_PREFIX = "SWI";

  public static final String CASE_NUMBER = "caseNumber";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String REQUESTER_EMAIL = "requesterEmail";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String ASSET_TAG = "assetTag";
  public static final String SOFTWARE_NAME = "softwareName";
  public static final String SOFTWARE_VERSION = "softwareVersion";
  public static final String JUSTIFICATION = "justification";

  public static final String IN_CATALOGUE = "inCatalogue";
  public static final String SOFTWARE_ID = "softwareId";
  public static final String LICENCE_TYPE = "licenceType";
  public static final String PRE_APPROVED = "preApproved";
  public static final String FREE_SEATS = "freeSeats";
  public static final String LICENCE_SUMMARY = "licenceSummary";
  /** A licence seat is held for this case (SW-2): from its choice until the installation is recorded. */
  public static final String SEAT_RESERVED = "seatReserved";
  public static final String APPROVAL_ROUTE = "approvalRoute";
  public static final String APPROVAL_LABEL = "approvalLabel";

  public static final String SEATS_PURCHASED = "seatsPurchased";
  public static final String LICENCE_EXPIRY = "licenceExpiry";
  public static final String PROOF_REFERENCE = "proofReference";
  public static final String INSTALLED_VERSION = "installedVersion";
  public static final String INSTALLED_BY = "installedBy";
  public static final String REJECTION_REASON = "rejectionReason";

  /** BPMN error code when the last seat was taken between approval and installation. */
  public static final String NO_SEAT_LEFT = "NO_SEAT_LEFT";

  private SoftwareInstallationVariables() {}

  public static String string(VariableScope scope, String name) {
    return ProcessVariables.string(scope, name);
  }

  public static Integer integer(VariableScope scope, String name) {
    return ProcessVariables.integer(scope, name);
  }
}
