package org.mesadeayuda.specialised;

import static org.mesadeayuda.specialised.SpecialisedRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** 002 §4.2: the Technology Directorate or the desk says which specialised instruction the request follows. */
@Component("recordSpecialisedClassification")
public class RecordClassification implements TaskListener {

  private final SpecialisedRequestRepository requests;

  public RecordClassification(SpecialisedRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    String kind = string(task, REQUEST_KIND);
    if (kind == null || !KINDS.containsKey(kind)) {
      throw new InvalidInputException("Indique el tipo de solicitud especializada: desarrollo de software, "
          + "adquisición de hardware y software o ajuste a una aplicación existente.");
    }
    task.setVariable(REQUEST_KIND_LABEL, KINDS.get(kind));
    requests.recordClassification(string(task, CASE_NUMBER), SpecialisedRequest.CLASSIFIED, kind,
        string(task, CLASSIFICATION_NOTES), ProcessVariables.actor(task), ClockUtil.getCurrentTime().toInstant(),
        null);
  }
}
