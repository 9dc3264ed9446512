package org.mesadeayuda.backup;

import static org.mesadeayuda.backup.BackupVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * BK-4: the area director authorizes a copy to a removable or physical medium, naming the medium and confirming that
 * the extracted data may not leave the institution; or refuses it with the reason the requester will read.
 */
@Component("recordBackupAuthorization")
public class RecordBackupAuthorization implements TaskListener {

  private final BackupRequestRepository requests;

  public RecordBackupAuthorization(BackupRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean authorized = flag(task, COPY_AUTHORIZED);
    task.setVariable(COPY_AUTHORIZED, authorized);
    String caseNumber = string(task, CASE_NUMBER);
    String director = ProcessVariables.actor(task);
    if (authorized) {
      String medium = string(task, AUTHORIZED_MEDIUM);
      if (!removable(medium)) {
        throw new InvalidInputException("Indique en qué medio físico o extraíble autoriza la copia.");
      }
      if (!flag(task, DATA_STAYS_IN_INSTITUTION)) {
        throw new InvalidInputException("Para autorizar la copia confirme que los datos extraídos no saldrán de "
            + "la institución.");
      }
      task.setVariable(REFUSAL_REASON, null);
      requests.recordDecision(caseNumber, BackupRequest.AUTHORIZED, director, now(), true, medium, null);
      return;
    }
    String reason = string(task, REFUSAL_REASON);
    if (reason == null) {
      throw new InvalidInputException("Indique el motivo por el que no autoriza la copia; se envía al solicitante.");
    }
    requests.recordDecision(caseNumber, BackupRequest.REFUSED, director, now(), null, null, reason);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
