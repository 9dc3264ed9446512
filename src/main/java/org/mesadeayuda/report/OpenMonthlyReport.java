package org.mesadeayuda.report;

import static org.mesadeayuda.report.MonthlyReportVariables.*;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Opens the report of a month (RP-1): the month asked for on a manual start, otherwise the month that just ended (the
 * timer runs on the 1st). A month has one report: a person asking for a second one is refused; the timer finding the
 * month already opened by hand ends quietly. A report whose case was cancelled before delivery is taken over.
 */
@Component("openMonthlyReport")
public class OpenMonthlyReport implements JavaDelegate {

  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy, HH:mm", Locale.forLanguageTag("es"));

  private final MonthlyReportRegister register;
  private final BusinessCalendar calendar;

  public OpenMonthlyReport(MonthlyReportRegister register, BusinessCalendar calendar) {
    this.register = register;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    YearMonth current = YearMonth.from(now.atZone(calendar.zone()));
    String asked = string(execution, REPORT_MONTH);
    String requestedBy = string(execution, REQUESTED_BY);
    boolean startedByTimer = requestedBy == null && asked == null;
    YearMonth month = asked == null ? current.minusMonths(1) : parse(asked);
    if (!month.isBefore(current)) {
      throw new InvalidInputException("El mes " + MonthlyReportText.monthLabel(month) + " aún no ha terminado: "
          + "el informe se presenta sobre un mes ya cerrado.");
    }
    Optional<MonthlyReportEntry> existing = register.find(month);
    boolean alreadyOpen = existing.isPresent() && !cancelled(execution, existing.get());
    execution.setVariable(REPORT_ALREADY_OPEN, alreadyOpen && startedByTimer);
    if (alreadyOpen && startedByTimer) {
      return;
    }
    if (alreadyOpen) {
      throw new InvalidInputException(alreadyExists(month, existing.get()));
    }
    MonthlyReportEntry report;
    try {
      report = existing.isPresent()
          ? register.takeOver(existing.get(), execution.getProcessInstanceId(), requestedBy)
          : register.open(month, execution.getProcessInstanceId(), requestedBy, now);
    } catch (DuplicateKeyException concurrentOpening) {
      throw new InvalidInputException("El informe de " + MonthlyReportText.monthLabel(month)
          + " se acaba de abrir en otro caso: cada mes tiene un solo informe.");
    }
    execution.setProcessBusinessKey(report.reportCode());
    execution.setVariable(REPORT_MONTH, month.toString());
    execution.setVariable(REPORT_CODE, report.reportCode());
    execution.setVariable(REPORT_MONTH_LABEL, MonthlyReportText.monthLabel(month));
    execution.setVariable(REPORT_DUE_DATE, Date.from(report.dueAt()));
    execution.setVariable(REPORT_DUE_LABEL, DUE.format(report.dueAt().atZone(calendar.zone())));
  }

  private static YearMonth parse(String asked) {
    try {
      return YearMonth.parse(asked);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("Escriba el mes como AAAA-MM, por ejemplo 2026-03 para marzo de 2026.");
    }
  }

  /** An open report whose case no longer runs (cancelled in Cockpit) does not block the month. */
  private static boolean cancelled(DelegateExecution execution, MonthlyReportEntry report) {
    return MonthlyReportEntry.OPEN.equals(report.status()) && (report.processInstanceId() == null
        || execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(report.processInstanceId()).count() == 0);
  }

  private static String alreadyExists(YearMonth month, MonthlyReportEntry report) {
    return "El informe de " + MonthlyReportText.monthLabel(month) + " (" + report.reportCode() + ") ya "
        + (MonthlyReportEntry.DELIVERED.equals(report.status()) ? "fue entregado a Gestión de Calidad"
            : "está abierto en Tasklist") + ": cada mes tiene un solo informe.";
  }
}
