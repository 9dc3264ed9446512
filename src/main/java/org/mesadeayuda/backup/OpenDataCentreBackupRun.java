package org.mesadeayuda.backup;

import static org.mesadeayuda.backup.BackupVariables.*;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * BK-5: the week's backup of the data-centre databases and website gets its line in the security register
 * (DIACO-IN-FO-06), named after its ISO week (RS-2026-W49), due when the next week's run opens.
 */
@Component("openDataCentreBackupRun")
public class OpenDataCentreBackupRun implements JavaDelegate {

  static final int DAYS_TO_RUN = 7;
  private static final DateTimeFormatter SPANISH =
      DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy, HH:mm", Locale.forLanguageTag("es"));

  private final SecurityRegisterRepository register;
  private final ZoneId zone;

  public OpenDataCentreBackupRun(SecurityRegisterRepository register, BusinessCalendar calendar) {
    this.register = register;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant scheduledAt = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MINUTES);
    ZonedDateTime local = scheduledAt.atZone(zone);
    String runCode = "%s-%d-W%02d".formatted(RUN_PREFIX, local.get(IsoFields.WEEK_BASED_YEAR),
        local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    Instant due = local.plusDays(DAYS_TO_RUN).toInstant();
    execution.setProcessBusinessKey(runCode);
    execution.setVariable(RUN_CODE, runCode);
    execution.setVariable(RUN_DUE, Date.from(due));
    execution.setVariable(RUN_SCHEDULED_LABEL, SPANISH.format(local));
    register.save(new SecurityRegisterEntry(null, runCode, execution.getProcessInstanceId(), scheduledAt, due,
        SecurityRegisterEntry.PENDING, false, null, null, null, null, null, null, null, null, null));
  }
}
