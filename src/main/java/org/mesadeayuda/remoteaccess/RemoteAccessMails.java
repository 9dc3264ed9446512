package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.Mailer;
import org.springframework.stereotype.Component;

/** The remote-access e-mails (templates/mail/remote-access-*.mustache). */
@Component
public class RemoteAccessMails {

  private final Mailer mailer;
  private final BusinessCalendar calendar;

  public RemoteAccessMails(Mailer mailer, BusinessCalendar calendar) {
    this.mailer = mailer;
    this.calendar = calendar;
  }

  public void send(String to, String template, DelegateExecution execution, Map<String, ?> extra) {
    Map<String, Object> values = new HashMap<>();
    for (String name : new String[] {WORK_ORDER, ACCESS_KIND, PURPOSE_LABEL, WORK_DESCRIPTION, ASSET_TAG,
        STAFF_MEMBER_NAME, TECHNICIAN, EXTERNAL_COMPANY, EXTERNAL_PERSON_NAME, REFUSAL_REASON}) {
      values.put(name, string(execution, name));
    }
    values.put("external", "external".equals(string(execution, ACCESS_KIND)));
    values.put(WINDOW_START, format(RemoteAccessVariables.moment(execution, WINDOW_START, calendar.zone())));
    values.put(WINDOW_END, format(RemoteAccessVariables.moment(execution, WINDOW_END, calendar.zone())));
    values.put(WINDOW_LABEL, string(execution, WINDOW_LABEL));
    values.putAll(extra);
    mailer.send(to, template, values);
  }

  private String format(Date date) {
    return date == null ? "" : RemoteAccessVariables.format(date, calendar.zone());
  }
}
