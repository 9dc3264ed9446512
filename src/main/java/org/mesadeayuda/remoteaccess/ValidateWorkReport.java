package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** The case is not finished until the report is received or the Technology Director waives it (RA-6). */
@Component("validateWorkReport")
public class ValidateWorkReport implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean received = ProcessVariables.flag(task, REPORT_RECEIVED) && string(task, WORK_REPORT) != null;
    boolean waived = ProcessVariables.flag(task, REPORT_WAIVED) && string(task, WAIVER_REASON) != null;
    if (!received && !waived) {
      throw new InvalidInputException("Registre el informe del trabajo realizado o dispénselo indicando el motivo.");
    }
  }
}
