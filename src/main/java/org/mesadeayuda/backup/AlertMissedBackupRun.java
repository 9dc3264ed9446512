package org.mesadeayuda.backup;

import static org.mesadeayuda.backup.BackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BK-5: a week went by without the run being recorded. The security register marks it late and the head of the
 * Technology Directorate is told; the technician's task stays open until the run is done and recorded.
 */
@Component("alertMissedBackupRun")
public class AlertMissedBackupRun implements JavaDelegate {

  private final SecurityRegisterRepository register;
  private final BackupMails mails;

  public AlertMissedBackupRun(SecurityRegisterRepository register, BackupMails mails) {
    this.register = register;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.markOverdue(string(execution, RUN_CODE));
    mails.toTechnologyHead("backup-run-missed", execution);
  }
}
