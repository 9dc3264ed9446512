package org.mesadeayuda.backup;

import static org.mesadeayuda.backup.BackupVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.RequesterLinks;
import org.springframework.stereotype.Component;

/** The backup e-mails (templates/mail/backup-*.mustache), filled with the case's variables. */
@Component
public class BackupMails {

  private static final String[] CASE_VALUES = {CASE_NUMBER, REQUESTER_NAME, INFORMATION_DESCRIPTION,
      INFORMATION_LOCATION_LABEL, LOCATION_DETAIL, BACKUP_KIND_LABEL, REQUESTED_SCHEDULE, REFUSAL_REASON,
      STORAGE_LOCATION, COPY_SIZE, COPIED_ON, MEDIUM_LABEL, BACKUP_SCHEDULE, RUN_CODE, RUN_SCHEDULED_LABEL,
      FAILURE_REASON, OTHER_SYSTEMS, RUN_MEDIUM_LABEL, PERFORMED_BY};

  private final Mailer mailer;
  private final InstitutionProperties institution;
  private final RequesterLinks links;

  public BackupMails(Mailer mailer, InstitutionProperties institution, RequesterLinks links) {
    this.mailer = mailer;
    this.institution = institution;
    this.links = links;
  }

  /** To whoever asked for the backup, with the link to the case in her "Mis solicitudes". */
  public void toRequester(String template, DelegateExecution execution) {
    Map<String, Object> values = values(execution);
    links.addTo(values, execution);
    mailer.send(string(execution, REQUESTER_EMAIL), template, values);
  }

  /** To the head of the Technology Directorate. */
  public void toTechnologyHead(String template, DelegateExecution execution) {
    mailer.send(institution.technologyHeadEmail(), template, values(execution));
  }

  /** A service task that only sends one of these e-mails. */
  public JavaDelegate sending(String template, boolean toRequester) {
    return execution -> {
      if (toRequester) {
        toRequester(template, execution);
      } else {
        toTechnologyHead(template, execution);
      }
    };
  }

  private static Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    for (String name : CASE_VALUES) {
      values.put(name, string(execution, name));
    }
    values.put(USER_RESPONSIBILITY_INFORMED, flag(execution, USER_RESPONSIBILITY_INFORMED));
    values.put("scheduled", SCHEDULED.equals(string(execution, BACKUP_KIND)));
    values.put("removableMedium", REMOVABLE_MEDIUM.equals(string(execution, BACKUP_KIND)));
    values.put("copyMediumLabel", label(MEDIA, string(execution, COPY_MEDIUM)));
    values.put("authorizedMediumLabel", label(MEDIA, string(execution, AUTHORIZED_MEDIUM)));
    values.put("requestedMediumLabel", label(MEDIA, string(execution, REQUESTED_MEDIUM)));
    return values;
  }
}
