package org.mesadeayuda.specialised;

import static org.mesadeayuda.specialised.SpecialisedRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/** The requester answers the Technology Director's question; the request goes back to the Director's decision. */
@Component("recordSpecialisedInformation")
public class RecordAdditionalInformation implements TaskListener {

  private final SpecialisedRequestRepository requests;

  public RecordAdditionalInformation(SpecialisedRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    String answer = string(task, ADDITIONAL_INFORMATION);
    if (answer == null) {
      throw new InvalidInputException("Escriba la información que pidió la Dirección de Tecnología.");
    }
    requests.recordAnswer(string(task, CASE_NUMBER), answer);
  }
}
