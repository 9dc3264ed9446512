package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mesadeayuda.platform.ProcedureOutcome;
import org.springframework.stereotype.Component;

/**
 * The called-procedure contract ({@link ProcedureOutcome}): however a remote access ends, its outcome comes from the
 * register of remote accesses (a grant exists only once the access was authorized; its state says how the session
 * ended). Codes: {@code done} (session closed after the work order), {@code refused} (purpose not allowed, technician
 * not confirmed, not vouched or not authorized), {@code expired} (the window ended, the identifier expired),
 * {@code alert} (a deviation alert revoked the identifier), {@code cancelled} (the case was deleted).
 */
@Component("reportRemoteAccessOutcome")
public class ReportRemoteAccessOutcome implements ExecutionListener {

  static final String EXPIRED = "expired";
  static final String ALERT = "alert";

  private final RemoteAccessGrantRepository grants;

  public ReportRemoteAccessOutcome(RemoteAccessGrantRepository grants) {
    this.grants = grants;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String workOrder = string(execution, WORK_ORDER);
    RemoteAccessGrant grant = workOrder == null ? null : grants.findByWorkOrder(workOrder).orElse(null);
    String state = grant == null ? null : grant.state();
    if (ProcedureOutcome.cancelled(execution) && !RemoteAccessGrant.CLOSED.equals(state)) {
      ProcedureOutcome.report(execution, ProcedureOutcome.CANCELLED,
          "La orden de trabajo " + workOrder + " se canceló antes de terminar la conexión remota.");
    } else if (grant == null) {
      String reason = "other".equals(string(execution, PURPOSE)) ? NotifyAccessRefusal.PURPOSE_NOT_ALLOWED
          : string(execution, REFUSAL_REASON);
      ProcedureOutcome.report(execution, ProcedureOutcome.REFUSED, "La conexión remota no fue autorizada"
          + (reason == null ? "." : ": " + reason));
    } else if (RemoteAccessGrant.CLOSED.equals(state)) {
      ProcedureOutcome.report(execution, ProcedureOutcome.DONE, "Conexión remota realizada para la orden de trabajo "
          + workOrder + "; la sesión se cerró y el identificador quedó revocado.");
    } else if (RemoteAccessGrant.EXPIRED.equals(state)) {
      ProcedureOutcome.report(execution, EXPIRED, "La ventana autorizada terminó: el identificador de la orden de "
          + "trabajo " + workOrder + " venció y la sesión se cerró.");
    } else if (RemoteAccessGrant.REVOKED.equals(state)) {
      ProcedureOutcome.report(execution, ALERT, "La sesión remota se interrumpió por una alerta de desvío: el "
          + "identificador se revocó y la Dirección de Tecnología investigó la alerta.");
    } else {
      ProcedureOutcome.report(execution, ProcedureOutcome.CANCELLED,
          "La orden de trabajo " + workOrder + " terminó sin cerrar la conexión remota.");
    }
  }
}
