package org.mesadeayuda.backup;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks that only send an e-mail, each a bean the BPMN names. A failure to send fails the job, which is
 * retried and then shows as an incident (the tasks are asyncBefore with R3/PT5M).
 */
@Configuration
class BackupMailDelegates {

  /** BK-1, BK-2: the requester gets the case number; a personal computer's owner is reminded it is theirs. */
  @Bean
  JavaDelegate sendBackupAcknowledgement(BackupMails mails) {
    return mails.sending("backup-acknowledgement", true);
  }

  /** BK-4: the area director did not authorize the copy to a removable medium; the reason goes to the requester. */
  @Bean
  JavaDelegate notifyBackupRefusal(BackupMails mails) {
    return mails.sending("backup-refused", true);
  }

  /** BK-1, BK-3: the copy is made (or the schedule set up) and where the Technology Directorate keeps it. */
  @Bean
  JavaDelegate notifyBackupDone(BackupMails mails) {
    return mails.sending("backup-done", true);
  }

  /** BK-5: a weekly run that failed is reported to the head of the Technology Directorate. */
  @Bean
  JavaDelegate alertFailedBackupRun(BackupMails mails) {
    return mails.sending("backup-run-failed", false);
  }
}
