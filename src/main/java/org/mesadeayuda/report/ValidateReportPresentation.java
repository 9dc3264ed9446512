package org.mesadeayuda.report;

import static org.mesadeayuda.report.MonthlyReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * RP-2: the report details the activities and services executed and the products delivered, so the narrative is
 * required; the head of IT confirms the figures. The moment of presentation decides whether it was on time (RP-1).
 */
@Component("validateReportPresentation")
public class ValidateReportPresentation implements TaskListener {

  /** Shorter than this is no account of a month's work; the form asks for the same. */
  static final int NARRATIVE_MIN_LENGTH = 50;

  @Override
  public void notify(DelegateTask task) {
    String narrative = string(task, REPORT_NARRATIVE);
    if (narrative == null || narrative.length() < NARRATIVE_MIN_LENGTH) {
      throw new InvalidInputException("Describa las actividades y servicios ejecutados y los productos entregados "
          + "en el mes (al menos " + NARRATIVE_MIN_LENGTH + " caracteres).");
    }
    if (!flag(task, REPORT_CONFIRMED)) {
      throw new InvalidInputException("Confirme que revisó las cifras del mes antes de presentar el informe.");
    }
    task.setVariable(PRESENTED_BY, ProcessVariables.actor(task));
    task.setVariable(PRESENTED_AT, ClockUtil.getCurrentTime());
  }
}
