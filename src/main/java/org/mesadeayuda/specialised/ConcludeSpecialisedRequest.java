package org.mesadeayuda.specialised;

import static org.mesadeayuda.specialised.SpecialisedRequestVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.ProcedureOutcome;
import org.springframework.stereotype.Component;

/**
 * Every way the case ends (delivered, refused, no answer from the requester, deleted) leaves the outcome of the
 * called-procedure contract ({@link ProcedureOutcome}) for the support ticket that handed it over. It is a listener on
 * the process's end, and reads the register, so a new end event is covered without touching it.
 */
@Component("concludeSpecialisedRequest")
public class ConcludeSpecialisedRequest implements ExecutionListener {

  private final SpecialisedRequestRepository requests;

  public ConcludeSpecialisedRequest(SpecialisedRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    Optional<SpecialisedRequest> found = caseNumber == null ? Optional.empty() : requests.findByCaseNumber(caseNumber);
    if (found.isEmpty()) {
      ProcedureOutcome.report(execution, ProcedureOutcome.CANCELLED,
          "La solicitud especializada se canceló sin completarse.");
      return;
    }
    SpecialisedRequest request = found.get();
    String kind = request.kind() == null ? "Solicitud especializada" : KINDS.get(request.kind());
    switch (request.status()) {
      case SpecialisedRequest.DELIVERED -> {
        ProcedureOutcome.report(execution, ProcedureOutcome.DONE, sentence("Solicitud especializada entregada por la "
            + "Dirección de Tecnología (" + kind.toLowerCase() + "): " + request.deliverySummary()));
      }
      case SpecialisedRequest.REFUSED -> {
        ProcedureOutcome.report(execution, ProcedureOutcome.REFUSED, sentence("El Director de Tecnología no aprobó la "
            + "solicitud (" + kind.toLowerCase() + "): " + request.refusalReason()));
      }
      default -> {
        boolean unanswered = SpecialisedRequest.INFORMATION_REQUESTED.equals(request.status());
        requests.cancelIfOpen(caseNumber, ClockUtil.getCurrentTime().toInstant());
        ProcedureOutcome.report(execution, ProcedureOutcome.CANCELLED, unanswered
            ? "La solicitud especializada se cerró sin completarse: no se recibió la información que pidió el "
                + "Director de Tecnología."
            : "La solicitud especializada se canceló sin completarse.");
      }
    }
  }

  /** One sentence ending in a full stop ({@link ProcedureOutcome#report} keeps it to its length). */
  private static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }
}
