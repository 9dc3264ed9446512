package org.mesadeayuda.equipment;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.ProcessVariables;

/** The variables of the equipment-failure process (form keys and DMN inputs/outputs use the same names). */
public final class EquipmentFailureVariables {

  public static final String PROCESS_KEY = "equipment-failure";
  public static final String CASE_PREFIX = "EQP";

  public static final String TICKET_NUMBER = "ticketNumber";
  /** A failure reported on its own may name the support ticket it relates to; it keeps its own EQP number. */
  public static final String RELATED_TICKET_NUMBER = "relatedTicketNumber";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String REQUESTER_EMAIL = "requesterEmail";
  public static final String DEPARTMENT = "department";
  public static final String REPORTED_BY = "reportedBy";
  public static final String ASSET_TAG = "assetTag";
  public static final String FAILURE_DATE = "failureDate";
  public static final String FAILURE_DESCRIPTION = "failureDescription";

  // the asset, as found in the register
  public static final String ASSET_FOUND = "assetFound";
  public static final String ASSET_DESCRIPTION = "assetDescription";
  public static final String EQUIPMENT_TYPE = "equipmentType";
  public static final String OWNERSHIP = "ownership";
  public static final String WARRANTY_DAYS_LEFT = "warrantyDaysLeft";
  public static final String PROVIDER_NAME = "providerName";
  public static final String PROVIDER_EMAIL = "providerEmail";
  public static final String CONTRACT_NUMBER = "contractNumber";

  // identification of an unknown asset
  public static final String REGISTER_NEW = "registerNew";
  public static final String BRAND = "brand";
  public static final String MODEL = "model";
  public static final String SERIAL_NUMBER = "serialNumber";
  public static final String WARRANTY_END_DATE = "warrantyEndDate";

  // routing and provider
  public static final String ROUTE = "route";
  public static final String ROUTE_LABEL = "routeLabel";
  public static final String PROVIDER_REPLY_DUE = "providerReplyDue";
  public static final String PROVIDER_OUTCOME = "providerOutcome";
  public static final String PROVIDER_NOTES = "providerNotes";

  // a leased unit whose lessor refused the claim: the Technology Director pursues the lessor
  public static final String LESSOR_ACTIONS = "lessorActions";
  public static final String LESSOR_OUTCOME = "lessorOutcome";
  public static final String LESSOR_REFERENCE = "lessorReference";
  public static final String LESSOR_PURSUED_BY = "lessorPursuedBy";

  // diagnosis (Planilla de Diagnóstico)
  public static final String FINDINGS = "findings";
  public static final String FAILED_PART = "failedPart";
  public static final String DIAGNOSIS_RESULT = "diagnosisResult";
  public static final String PARTS_NEEDED = "partsNeeded";
  public static final String ESTIMATED_COST = "estimatedCost";

  // loaner, memo, finance, replacement
  public static final String LOANER_ASSET_TAG = "loanerAssetTag";
  public static final String MEMO_PURPOSE = "memoPurpose";
  public static final String FINANCE_MEMO = "financeMemo";
  /** Where Finance downloads the memo's PDF (linked from its task form). */
  public static final String FINANCE_MEMO_URL = "financeMemoUrl";
  public static final String FINANCE_DECISION = "financeDecision";
  public static final String FINANCE_COMMENT = "financeComment";
  public static final String QUOTES_SUMMARY = "quotesSummary";
  public static final String PARTS_RECEIVED = "partsReceived";
  public static final String NEW_ASSET_TAG = "newAssetTag";
  public static final String REPLACEMENT_AVAILABLE = "replacementAvailable";
  public static final String REPLACEMENT_ASSET_TAG = "replacementAssetTag";
  public static final String REPLACEMENT_AUTHORIZED = "replacementAuthorized";
  public static final String DIRECTOR_COMMENT = "directorComment";
  public static final String REPAIR_DONE = "repairDone";

  /** What happened to the equipment: returned to a calling support request as its outcome. */
  public static final String EQUIPMENT_OUTCOME = "equipmentOutcome";

  private EquipmentFailureVariables() {}

  public static String string(VariableScope scope, String name) {
    return ProcessVariables.string(scope, name);
  }

  public static boolean flag(VariableScope scope, String name) {
    return ProcessVariables.flag(scope, name);
  }

  public static String caseNumber(VariableScope scope) {
    return string(scope, TICKET_NUMBER);
  }
}
