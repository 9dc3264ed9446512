package org.mesadeayuda.software;

/** The variables of the software-declaration process that the installation process does not have (SW-3). */
public final class SoftwareDeclarationVariables {

  public static final String PROCESS_KEY = "software-declaration";
  public static final String INSTALLED_BY_NAME = "installedByName";
  public static final String LICENCE_PROOF = "licenceProof";
  public static final String DECLARATION_ACCEPTED = "declarationAccepted";
  public static final String UNINSTALL_NOTES = "uninstallNotes";

  // the licence evidence the Technology Director accepts (SW-3: "debe tener su licencia de uso")
  public static final String LICENCE_EVIDENCE_TYPE = "licenceEvidenceType";
  public static final String LICENCE_REFERENCE = "licenceReference";
  public static final String LICENCE_HOLDER = "licenceHolder";
  public static final String LICENCE_NAME = "licenceName";

  private SoftwareDeclarationVariables() {}
}
