package org.mesadeayuda.report;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.ProcessVariables;

/** The variables of the monthly-report process. */
public final class MonthlyReportVariables {

  public static final String PROCESS_KEY = "monthly-report";

  // start form (manual start); the timer sends none
  public static final String REPORT_MONTH = "reportMonth";
  public static final String REQUESTED_BY = "requestedBy";
  // opening
  public static final String REPORT_ALREADY_OPEN = "reportAlreadyOpen";
  public static final String REPORT_CODE = "reportCode";
  public static final String REPORT_MONTH_LABEL = "reportMonthLabel";
  public static final String REPORT_DUE_DATE = "reportDueDate";
  public static final String REPORT_DUE_LABEL = "reportDueLabel";
  // figures
  public static final String FIGURES_SUMMARY = "figuresSummary";
  // presentation by the head of IT
  public static final String REPORT_NARRATIVE = "reportNarrative";
  public static final String REPORT_CONFIRMED = "reportConfirmed";
  public static final String PRESENTED_BY = "presentedBy";
  public static final String PRESENTED_AT = "presentedAt";

  private MonthlyReportVariables() {}

  public static String string(VariableScope scope, String name) {
    return ProcessVariables.string(scope, name);
  }

  public static boolean flag(VariableScope scope, String name) {
    return ProcessVariables.flag(scope, name);
  }

  /** The month the case reports on, as the opening step set it. */
  public static YearMonth month(VariableScope scope) {
    return YearMonth.parse(string(scope, REPORT_MONTH));
  }
}
