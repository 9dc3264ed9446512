package org.mesadeayuda.backup;

import static org.mesadeayuda.backup.BackupVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * BK-1, BK-3, BK-4: the Technology Directorate records the copy it made and where it keeps it (size, medium, label,
 * date), or for a scheduled backup the schedule it set up on the server. A copy to a removable medium uses the
 * medium the area director authorized.
 */
@Component("recordBackupCopy")
public class RecordBackupCopy implements TaskListener {

  private final BackupRequestRepository requests;
  private final ZoneId zone;

  public RecordBackupCopy(BackupRequestRepository requests, BusinessCalendar calendar) {
    this.requests = requests;
    this.zone = calendar.zone();
  }

  @Override
  public void notify(DelegateTask task) {
    String kind = string(task, BACKUP_KIND);
    String storage = string(task, STORAGE_LOCATION);
    if (storage == null) {
      throw new InvalidInputException("Indique dónde guarda la Dirección de Tecnología la copia.");
    }
    String schedule = null;
    String size = null;
    String medium = null;
    String label = string(task, MEDIUM_LABEL);
    LocalDate copiedOn = null;
    if (SCHEDULED.equals(kind)) {
      schedule = string(task, BACKUP_SCHEDULE);
      if (schedule == null) {
        throw new InvalidInputException("Indique la programación del respaldo (por ejemplo, cada viernes a las 17:00).");
      }
    } else {
      size = string(task, COPY_SIZE);
      medium = REMOVABLE_MEDIUM.equals(kind) ? string(task, AUTHORIZED_MEDIUM) : string(task, COPY_MEDIUM);
      copiedOn = copiedOn(task);
      if (size == null || !known(MEDIA, medium)) {
        throw new InvalidInputException("Indique el tamaño de la copia y el medio en que quedó.");
      }
      if (removable(medium) && label == null) {
        throw new InvalidInputException("Indique la etiqueta del medio en que quedó la copia.");
      }
      task.setVariable(COPY_MEDIUM, medium);
    }
    String technician = ProcessVariables.actor(task);
    task.setVariable(PERFORMED_BY, technician);
    requests.recordCopy(string(task, CASE_NUMBER), storage, size, medium, label, copiedOn, schedule, technician,
        ClockUtil.getCurrentTime().toInstant());
  }

  private LocalDate copiedOn(DelegateTask task) {
    String text = string(task, COPIED_ON);
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    try {
      LocalDate date = text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      if (date == null || date.isAfter(today)) {
        throw new InvalidInputException("Indique la fecha en que se hizo la copia (no puede ser futura).");
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("La fecha de la copia no es válida: " + text);
    }
  }
}
