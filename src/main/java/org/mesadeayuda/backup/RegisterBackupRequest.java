package org.mesadeayuda.backup;

import static org.mesadeayuda.backup.BackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.BusinessKeys;
import org.mesadeayuda.platform.TicketNumbers;
import org.springframework.stereotype.Component;

/**
 * A backup request gets its case number and its line in the backup register as it starts (BK-1). What the start
 * form's rules cannot say (BK-2, BK-3) is refused here, so the requester sees the reason and nothing is started.
 */
@Component("registerBackupRequest")
public class RegisterBackupRequest implements ExecutionListener {

  private final TicketNumbers ticketNumbers;
  private final BackupRequestRepository requests;

  public RegisterBackupRequest(TicketNumbers ticketNumbers, BackupRequestRepository requests) {
    this.ticketNumbers = ticketNumbers;
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the start form's rules (required fields, options, the schedule or medium its kind asks for) were checked as the
    // process started (StartValidationPlugin); what follows is what a form cannot say
    String location = string(execution, INFORMATION_LOCATION);
    String kind = string(execution, BACKUP_KIND);
    boolean personalComputer = PERSONAL_COMPUTER.equals(location);
    // BK-3 schedules backups of information on the server; a personal computer is not backed up on a schedule
    if (personalComputer && SCHEDULED.equals(kind)) {
      throw new InvalidInputException("Solo se programan respaldos de información del servidor. Para la información "
          + "de su computadora pida una copia única o una copia a un medio físico.");
    }
    // BK-2: the information on a personal computer is the user's responsibility; the request says they know it
    if (personalComputer && !flag(execution, RESPONSIBILITY_ACKNOWLEDGED)) {
      throw new InvalidInputException("Confirme que sabe que la información de su computadora personal es su "
          + "responsabilidad.");
    }
    String caseNumber = BusinessKeys.assign(execution, ticketNumbers, CASE_PREFIX);
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setVariable(USER_RESPONSIBILITY_INFORMED, personalComputer);
    execution.setVariable(INFORMATION_LOCATION_LABEL, LOCATIONS.get(location));
    execution.setVariable(BACKUP_KIND_LABEL, KINDS.get(kind));
    String medium = REMOVABLE_MEDIUM.equals(kind) ? string(execution, REQUESTED_MEDIUM) : null;
    execution.setVariable(REQUESTED_MEDIUM, medium);
    requests.save(new BackupRequest(null, caseNumber, execution.getProcessInstanceId(),
        string(execution, REQUESTED_BY), string(execution, REQUESTER_NAME), string(execution, REQUESTER_EMAIL),
        string(execution, DEPARTMENT), string(execution, INFORMATION_DESCRIPTION), location,
        string(execution, LOCATION_DETAIL), kind, personalComputer,
        SCHEDULED.equals(kind) ? string(execution, REQUESTED_SCHEDULE) : null, medium, BackupRequest.REQUESTED,
        ClockUtil.getCurrentTime().toInstant(), null, null, null, null, null, null, null, null, null, null, null,
        null));
  }
}
