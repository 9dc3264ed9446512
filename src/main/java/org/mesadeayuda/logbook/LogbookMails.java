package org.mesadeayuda.logbook;

import static org.mesadeayuda.logbook.LogbookVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The logbook's follow-ups, by e-mail to the head of the Technology Directorate (templates/mail/logbook-*.mustache):
 * an incident found in a check, and a round whose window closed with areas not checked.
 */
@Configuration
class LogbookMails {

  /** PM-5: an incident found in an area's check goes at once to the head of the Technology Directorate. */
  @Bean
  JavaDelegate alertLogbookIncident(Mailer mailer, InstitutionProperties institution) {
    return execution -> mailer.send(institution.technologyHeadEmail(), "logbook-incident", values(execution));
  }

  /**
   * PM-5: the round's window closed. Checks not recorded stay missing in the logbook (a reading is of its moment: it
   * is not made up later) and the head of the Technology Directorate is told which.
   */
  @Bean
  JavaDelegate flagMissedLogbookChecks(Mailer mailer, InstitutionProperties institution,
      LogbookEntryRepository entries) {
    return execution -> {
      String roundCode = ProcessVariables.string(execution, ROUND_CODE);
      entries.markMissed(roundCode);
      List<String> missed = entries.findByRoundCodeOrderByIdAsc(roundCode).stream()
          .filter(entry -> LogbookEntry.MISSED.equals(entry.status())).map(LogbookEntry::areaLabel).toList();
      Map<String, Object> values = values(execution);
      values.put("missedAreas", missed);
      mailer.send(institution.technologyHeadEmail(), "logbook-round-missed", values);
    };
  }

  private static Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    for (String name : List.of(ROUND_CODE, ROUND_SCHEDULED_LABEL, AREA_LABEL, INCIDENT_DESCRIPTION, OBSERVATIONS,
        UPS_LOAD_PERCENT, UPS_BATTERY_PERCENT, ROOM_TEMPERATURE, RECORDED_BY)) {
      values.put(name, ProcessVariables.string(execution, name));
    }
    return values;
  }
}
