package org.mesadeayuda.specialised;

import static org.mesadeayuda.specialised.SpecialisedRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** 4.3 and 5.1 of 002: what was executed and delivered is recorded before the requester is told. */
@Component("recordSpecialisedDelivery")
public class RecordDelivery implements TaskListener {

  private final SpecialisedRequestRepository requests;

  public RecordDelivery(SpecialisedRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    String summary = string(task, DELIVERY_SUMMARY);
    if (summary == null) {
      throw new InvalidInputException("Describa lo que se ejecutó y entregó; se envía al solicitante.");
    }
    requests.recordDelivery(string(task, CASE_NUMBER), summary, ProcessVariables.actor(task),
        ClockUtil.getCurrentTime().toInstant());
  }
}
