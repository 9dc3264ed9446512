package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mesadeayuda.platform.ProcedureOutcome;
import org.springframework.stereotype.Component;

/**
 * The called-procedure contract ({@link ProcedureOutcome}): however an e-mail account request ends, its outcome and a
 * sentence for the requester come from the register (the direction's or the boss's decision, the ministry's answer);
 * never a password, which the ministry hands to the person directly.
 */
@Component("reportEmailAccountOutcome")
public class ReportEmailAccountOutcome implements ExecutionListener {

  private final EmailAccountRequestRepository requests;

  public ReportEmailAccountOutcome(EmailAccountRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    EmailAccountRequest request = requests.findByCaseNumber(string(execution, CASE_NUMBER)).orElse(null);
    String status = request == null ? null : request.status();
    boolean creation = request != null && CREATION.equals(request.requestType());
    if (EmailAccountRequest.REFUSED.equals(status)) {
      ProcedureOutcome.report(execution, ProcedureOutcome.REFUSED, (creation
          ? "La dirección no autorizó la cuenta de correo: " : "El jefe inmediato no firmó el restablecimiento: ")
          + request.refusalReason());
    } else if (EmailAccountRequest.ANSWERED.equals(status) && DONE.equals(request.outcome())) {
      ProcedureOutcome.report(execution, ProcedureOutcome.DONE, creation
          ? "El ministerio creó la cuenta de correo " + request.accountAddress() + "; las credenciales las entrega "
              + "el ministerio directamente."
          : "El ministerio restableció la contraseña de " + request.existingAccount() + "; la nueva contraseña la "
              + "entrega el ministerio directamente.");
    } else if (EmailAccountRequest.ANSWERED.equals(status)) {
      ProcedureOutcome.report(execution, ProcedureOutcome.REFUSED,
          "El ministerio no atendió la solicitud: " + request.ministryAnswer());
    } else {
      ProcedureOutcome.report(execution, ProcedureOutcome.CANCELLED,
          "La solicitud de cuenta de correo se canceló sin respuesta del ministerio.");
    }
  }
}
