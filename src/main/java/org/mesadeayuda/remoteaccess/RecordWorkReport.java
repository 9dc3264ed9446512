package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** The external party's report of the work done, or the Director's waiver, goes into the register (RA-6). */
@Component("recordWorkReport")
public class RecordWorkReport implements JavaDelegate {

  private final RemoteAccessGrantRepository grants;

  public RecordWorkReport(RemoteAccessGrantRepository grants) {
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean waived = !ProcessVariables.flag(execution, REPORT_RECEIVED) && ProcessVariables.flag(execution,
        REPORT_WAIVED);
    String text = waived ? "Dispensado: " + string(execution, WAIVER_REASON) : string(execution, WORK_REPORT);
    grants.findByWorkOrder(string(execution, WORK_ORDER))
        .ifPresent(grant -> grants.save(grant.reported(text, waived)));
  }
}
