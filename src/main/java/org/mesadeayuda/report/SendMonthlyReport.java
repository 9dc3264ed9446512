package org.mesadeayuda.report;

import static org.mesadeayuda.report.MonthlyReportVariables.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.documents.GeneratedDocument;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Mailer;
import org.springframework.stereotype.Component;

/**
 * Stores the report as presented and sends it to Quality Management (RP-1, RP-2): the figures the head of IT
 * confirmed, the narrative of activities, and whether it arrived within the first 10 business days.
 */
@Component("sendMonthlyReport")
public class SendMonthlyReport implements JavaDelegate {

  private final MonthlyReportRegister register;
  private final InstitutionProperties institution;
  private final Mailer mailer;
  private final MonthlyReportDocument document;

  public SendMonthlyReport(MonthlyReportRegister register, InstitutionProperties institution, Mailer mailer,
      MonthlyReportDocument document) {
    this.register = register;
    this.institution = institution;
    this.mailer = mailer;
    this.document = document;
  }

  @Override
  public void execute(DelegateExecution execution) {
    YearMonth month = month(execution);
    String narrative = string(execution, REPORT_NARRATIVE);
    String presentedBy = string(execution, PRESENTED_BY);
    Instant presentedAt = ((Date) execution.getVariable(PRESENTED_AT)).toInstant();
    boolean onTime = register.recordDelivery(month, narrative, presentedBy, presentedAt);
    MonthlyReportEntry report = register.find(month).orElseThrow();
    Map<String, Object> values = new HashMap<>();
    values.put(REPORT_CODE, report.reportCode());
    values.put(REPORT_MONTH_LABEL, string(execution, REPORT_MONTH_LABEL));
    values.put(REPORT_DUE_LABEL, string(execution, REPORT_DUE_LABEL));
    // the figures as the head of IT saw and confirmed them in the task form
    values.put("figures", MonthlyReportText.plain(string(execution, FIGURES_SUMMARY)));
    values.put(REPORT_NARRATIVE, narrative);
    values.put(PRESENTED_BY, presentedBy);
    values.put("onTime", onTime);
    // the PDF holds the figures as the register keeps them, the chart and the narrative (issue 18)
    GeneratedDocument pdf = document.produce(report);
    values.put("documentFileName", pdf.fileName());
    mailer.send(institution.qualityEmail(), "monthly-report", values, List.of(pdf.asAttachment()));
  }
}
