package org.mesadeayuda.specialised;

import static org.mesadeayuda.specialised.SpecialisedRequestVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Every way the case ends (delivered, refused, no answer from the requester, deleted) leaves {@code procedureOutcome}
 * and {@code procedureSummary} for the support ticket that handed it over (COMMON "Called-procedure contract"). It is
 * a listener on the process's end, and reads the register, so a new end event is covered without touching it.
 */
@Component("concludeSpecialisedRequest")
public class ConcludeSpecialisedRequest implements ExecutionListener {

  public static final String DONE = "done";
  public static final String REFUSED = "refused";
  public static final String CANCELLED = "cancelled";

  private final SpecialisedRequestRepository requests;

  public ConcludeSpecialisedRequest(SpecialisedRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    Optional<SpecialisedRequest> found = caseNumber == null ? Optional.empty() : requests.findByCaseNumber(caseNumber);
    if (found.isEmpty()) {
      execution.setVariable(PROCEDURE_OUTCOME, CANCELLED);
      execution.setVariable(PROCEDURE_SUMMARY, "La solicitud especializada se canceló sin completarse.");
      return;
    }
    SpecialisedRequest request = found.get();
    String kind = request.kind() == null ? "Solicitud especializada" : KINDS.get(request.kind());
    switch (request.status()) {
      case SpecialisedRequest.DELIVERED -> {
        execution.setVariable(PROCEDURE_OUTCOME, DONE);
        execution.setVariable(PROCEDURE_SUMMARY, sentence("Solicitud especializada entregada por la Dirección de "
            + "Tecnología (" + kind.toLowerCase() + "): " + request.deliverySummary()));
      }
      case SpecialisedRequest.REFUSED -> {
        execution.setVariable(PROCEDURE_OUTCOME, REFUSED);
        execution.setVariable(PROCEDURE_SUMMARY, sentence("El Director de Tecnología no aprobó la solicitud ("
            + kind.toLowerCase() + "): " + request.refusalReason()));
      }
      default -> {
        boolean unanswered = SpecialisedRequest.INFORMATION_REQUESTED.equals(request.status());
        requests.cancelIfOpen(caseNumber, ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(PROCEDURE_OUTCOME, CANCELLED);
        execution.setVariable(PROCEDURE_SUMMARY, unanswered
            ? "La solicitud especializada se cerró sin completarse: no se recibió la información que pidió el "
                + "Director de Tecnología."
            : "La solicitud especializada se canceló sin completarse.");
      }
    }
  }

  /** One sentence ending in a full stop, within the 4,000 characters a text variable holds. */
  private static String sentence(String text) {
    String trimmed = text.strip();
    String ended = trimmed.endsWith(".") ? trimmed : trimmed + ".";
    return ended.length() <= 3000 ? ended : ended.substring(0, 2997) + "...";
  }
}
