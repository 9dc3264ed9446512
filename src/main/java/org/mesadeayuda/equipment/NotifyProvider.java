package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Leased equipment goes to its lessor, owned equipment under warranty to its provider (EF-2, SR-14): the case is sent
 * by e-mail and an answer is expected within the configured business days. A unit without a provider e-mail is sent
 * to the Technology Directorate to forward.
 */
@Component("notifyProvider")
public class NotifyProvider implements JavaDelegate {

  private final EquipmentMails mails;
  private final BusinessCalendar calendar;
  private final InstitutionProperties institution;
  private final int replyDays;

  public NotifyProvider(EquipmentMails mails, BusinessCalendar calendar, InstitutionProperties institution,
      @Value("${mesa.equipment.provider-reply-days:3}") int replyDays) {
    this.mails = mails;
    this.calendar = calendar;
    this.institution = institution;
    this.replyDays = replyDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PROVIDER_REPLY_DUE, calendar.addBusinessDays(ClockUtil.getCurrentTime(), replyDays));
    String providerEmail = string(execution, PROVIDER_EMAIL);
    mails.send(providerEmail != null ? providerEmail : institution.technologyHeadEmail(), "equipment-provider-claim",
        execution, Map.of("routeLabel", string(execution, ROUTE_LABEL), "replyDays", replyDays,
            "leased", "leased".equals(string(execution, OWNERSHIP))));
  }
}
