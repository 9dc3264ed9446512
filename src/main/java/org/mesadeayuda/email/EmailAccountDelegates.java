package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the email-account process, each a bean the BPMN names. A failure to send fails the job, which
 * is retried and then shows as an incident (the tasks are asyncBefore with R3/PT5M).
 */
@Configuration
class EmailAccountDelegates {

  /** EM-1, EM-2: the direction or the immediate boss did not authorize the request; the reason goes to the requester. */
  @Bean
  JavaDelegate notifyEmailAccountRefusal(EmailAccountMails mails) {
    return execution -> mails.toRequester("email-account-refused", execution);
  }

  /**
   * EM-1, EM-2: the ministry has not answered in time: the Technology Directorate is reminded to follow it up, and
   * again after the same number of business days while the answer is missing.
   */
  @Bean
  JavaDelegate remindMinistryFollowUp(EmailAccountMails mails, EmailAccountRequestRepository requests,
      BusinessCalendar calendar, @Value("${mesa.email.ministry-reply-days:3}") int replyDays) {
    return execution -> {
      mails.toTechnologyHead("email-account-ministry-reminder", execution);
      requests.countReminder(string(execution, CASE_NUMBER));
      execution.setVariable(NEXT_REMINDER_DUE, calendar.addBusinessDays(ClockUtil.getCurrentTime(), replyDays));
    };
  }

  /** EM-1, EM-2: the requester learns the ministry's answer; the ministry delivers any credentials itself. */
  @Bean
  JavaDelegate notifyMinistryAnswer(EmailAccountMails mails) {
    return execution -> mails.toRequester(DONE.equals(string(execution, MINISTRY_OUTCOME))
        ? "email-account-done" : "email-account-ministry-refused", execution);
  }
}
