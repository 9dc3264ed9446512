package org.mesadeayuda.backup;

import static org.mesadeayuda.backup.BackupVariables.*;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mesadeayuda.platform.ProcedureOutcome;
import org.springframework.stereotype.Component;

/**
 * The called-procedure contract ({@link ProcedureOutcome}): however a backup request ends, its outcome and a sentence
 * for the requester come from the backup register, so a ticket handed over to it closes with what was done.
 */
@Component("reportBackupOutcome")
public class ReportBackupOutcome implements ExecutionListener {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/yyyy", Locale.forLanguageTag("es"));

  private final BackupRequestRepository requests;

  public ReportBackupOutcome(BackupRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    BackupRequest request = requests.findByCaseNumber(string(execution, CASE_NUMBER)).orElse(null);
    String status = request == null ? null : request.status();
    if (BackupRequest.DONE.equals(status)) {
      ProcedureOutcome.report(execution, ProcedureOutcome.DONE, done(request));
    } else if (BackupRequest.REFUSED.equals(status)) {
      ProcedureOutcome.report(execution, ProcedureOutcome.REFUSED,
          "El director de área no autorizó la copia a un medio físico: " + request.refusalReason());
    } else {
      ProcedureOutcome.report(execution, ProcedureOutcome.CANCELLED,
          "La solicitud de respaldo se canceló sin realizar la copia.");
    }
  }

  private static String done(BackupRequest request) {
    if (SCHEDULED.equals(request.backupKind())) {
      return "Respaldo programado en el servidor: " + request.backupSchedule() + ".";
    }
    StringBuilder sentence = new StringBuilder("Copia realizada");
    if (request.copiedOn() != null) {
      sentence.append(" el ").append(DAY.format(request.copiedOn()));
    }
    sentence.append(" y guardada en ").append(request.storageLocation());
    String medium = MEDIA.get(request.copyMedium());
    if (medium != null) {
      sentence.append(" (").append(medium);
      if (request.mediumLabel() != null) {
        sentence.append(", etiqueta ").append(request.mediumLabel());
      }
      sentence.append(")");
    }
    return sentence.append(".").toString();
  }
}
