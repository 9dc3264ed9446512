package org.mesadeayuda.report;

import static org.mesadeayuda.report.MonthlyReportVariables.*;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Computes the month's figures (RP-1, RP-2), keeps them in the register and shows them to the head of IT. */
@Component("computeMonthlyFigures")
public class ComputeMonthlyFigures implements JavaDelegate {

  private final MonthlyReport report;
  private final MonthlyReportRegister register;

  public ComputeMonthlyFigures(MonthlyReport report, MonthlyReportRegister register) {
    this.report = report;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    YearMonth month = month(execution);
    MonthlyFigures figures = report.figures(month);
    register.recordFigures(month, figures, ClockUtil.getCurrentTime().toInstant());
    execution.setVariable(FIGURES_SUMMARY, MonthlyReportText.markdown(figures));
  }
}
