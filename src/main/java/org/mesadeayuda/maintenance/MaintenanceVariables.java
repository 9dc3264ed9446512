package org.mesadeayuda.maintenance;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.ProcessVariables;

/** The variables of the preventive-maintenance process. */
public final class MaintenanceVariables {

  public static final String PROCESS_KEY = "preventive-maintenance";

  public static final String SEMESTER = "semester";
  public static final String SEMESTER_LABEL = "semesterLabel";
  public static final String PROGRAMME_ID = "programmeId";
  public static final String PROGRAMME_CODE = "programmeCode";
  /** The head of IT's changes to the draft, a short list of edits (the programme itself is in the register). */
  public static final String PROGRAMME_EDITS = "programmeEdits";
  /** JSON: the programme per week and department (units and their tags), for the draft and approval forms. */
  public static final String PROGRAMME_PLAN = "programmePlan";
  public static final String PROGRAMME_SUMMARY = "programmeSummary";
  public static final String PROGRAMME_APPROVED = "programmeApproved";
  public static final String APPROVAL_COMMENTS = "approvalComments";
  // one department's availability (local to each instance of the multi-instance subprocess)
  public static final String DEPARTMENT = "department";
  public static final String DEPARTMENT_NAME = "departmentName";
  /** JSON: the department's units still to maintain, per week. */
  public static final String DEPARTMENT_PLAN = "departmentPlan";
  /** The department's units as text, only for the e-mail copy of the programme (never a variable). */
  public static final String DEPARTMENT_ITEMS = "departmentItems";
  public static final String AVAILABILITY_ANSWER = "availabilityAnswer";
  public static final String AVAILABLE = "available";
  public static final String REPROGRAM = "reprogram";
  public static final String REPROGRAM_REQUESTS = "reprogramRequests";
  public static final String REPROGRAM_DECISION = "reprogramDecision";
  public static final String AVAILABILITY_ANSWERED_BY = "availabilityAnsweredBy";
  // one batch of the execution (local to each instance)
  public static final String BATCH = "batch";
  /** JSON: the batch's units (tag, description), read from the register when its task opens. */
  public static final String BATCH_UNITS = "batchUnits";
  public static final String CLEANING_DONE = "cleaningDone";
  public static final String COOLING_CHECKED = "coolingChecked";
  public static final String UPS_CHECKED = "upsChecked";
  public static final String NETWORK_CHECKED = "networkChecked";
  public static final String SOFTWARE_UPDATED = "softwareUpdated";
  public static final String NOT_DONE_ITEMS = "notDoneItems";
  public static final String MAINTENANCE_NOTES = "maintenanceNotes";
  // closing
  public static final String PROGRAMMED_COUNT = "programmedCount";
  public static final String MAINTAINED_COUNT = "maintainedCount";
  public static final String COMPLIANCE_PERCENT = "compliancePercent";
  public static final String COMPLIANCE_MET = "complianceMet";
  public static final String INDICATOR_SUMMARY = "indicatorSummary";
  /** JSON: the indicator's figures per department. */
  public static final String INDICATOR_BY_DEPARTMENT = "indicatorByDepartment";
  public static final String QUALITY_DUE_DATE = "qualityDueDate";
  public static final String QUALITY_DUE_LABEL = "qualityDueLabel";
  public static final String INDICATOR_ANALYSIS = "indicatorAnalysis";
  public static final String DELIVERED_BY = "deliveredBy";

  private MaintenanceVariables() {}

  public static String string(VariableScope scope, String name) {
    return ProcessVariables.string(scope, name);
  }

  public static boolean flag(VariableScope scope, String name) {
    return ProcessVariables.flag(scope, name);
  }

  public static Long programmeId(VariableScope scope) {
    Object value = scope.getVariable(PROGRAMME_ID);
    return value instanceof Number number ? number.longValue() : Long.valueOf(value.toString());
  }

  /** Who completes the task: its assignee (Tasklist makes people claim first), else the authenticated user. */
  public static String actor(DelegateTask task) {
    return ProcessVariables.actor(task);
  }
}
