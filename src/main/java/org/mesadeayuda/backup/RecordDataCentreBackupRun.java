package org.mesadeayuda.backup;

import static org.mesadeayuda.backup.BackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * BK-5: the technician records the week's run in the security register (DIACO-IN-FO-06): the systems backed up, the
 * external disk or removable medium and its label, the result (a failure with its reason) and who ran it.
 */
@Component("recordDataCentreBackupRun")
public class RecordDataCentreBackupRun implements TaskListener {

  private final SecurityRegisterRepository register;

  public RecordDataCentreBackupRun(SecurityRegisterRepository register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    String result = string(task, RUN_RESULT);
    boolean databases = flag(task, DATABASES_BACKED_UP);
    boolean website = flag(task, WEBSITE_BACKED_UP);
    String medium = string(task, RUN_MEDIUM);
    String label = string(task, MEDIUM_LABEL);
    String failureReason = string(task, FAILURE_REASON);
    if (RUN_OK.equals(result)) {
      if (!databases || !website) {
        throw new InvalidInputException("Un respaldo correcto incluye las bases de datos y la página web; si alguno "
            + "no se pudo respaldar, registre el respaldo como fallido con el motivo.");
      }
      if (!removable(medium) || label == null) {
        throw new InvalidInputException("Indique el disco externo o medio extraíble y su etiqueta.");
      }
      failureReason = null;
    } else if (RUN_FAILED.equals(result)) {
      if (failureReason == null) {
        throw new InvalidInputException("Indique el motivo por el que falló el respaldo.");
      }
    } else {
      throw new InvalidInputException("Indique el resultado del respaldo.");
    }
    String technician = ProcessVariables.actor(task);
    task.setVariable(PERFORMED_BY, technician);
    task.setVariable(RUN_MEDIUM_LABEL, label(MEDIA, medium));
    task.setVariable(FAILURE_REASON, failureReason);
    register.recordRun(string(task, RUN_CODE), result, databases, website, string(task, OTHER_SYSTEMS), medium,
        label, failureReason, string(task, RUN_NOTES), technician, ClockUtil.getCurrentTime().toInstant());
  }
}
