package org.mesadeayuda.logbook;

import static org.mesadeayuda.logbook.LogbookVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Each area's check keeps what is recorded in its own scope: without this, the checks of a round, done in parallel,
 * would write the same case variables and one area's incident would show in the next area's form.
 */
@Component("prepareLogbookCheck")
public class PrepareLogbookCheck implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    for (String field : CHECK_FIELDS) {
      execution.setVariableLocal(field, null);
    }
    execution.setVariableLocal(AREA_LABEL, LogbookAreas.label(ProcessVariables.string(execution, AREA)));
  }
}
