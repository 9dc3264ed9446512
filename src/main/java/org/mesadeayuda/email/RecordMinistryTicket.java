package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * EM-1, EM-2: the Technology Directorate loaded the request into the ministry's service desk (DTI) and records the
 * ticket number it got; the ministry's answer is due a number of business days later (mesa.email.ministry-reply-days).
 */
@Component("recordMinistryTicket")
public class RecordMinistryTicket implements TaskListener {

  /** Letters, digits and - / _ . #, 3 to 30 characters with at least one digit: what service desks issue. */
  static final Pattern TICKET = Pattern.compile("^(?=.*\\d)[A-Z0-9][A-Z0-9/_.#-]{2,29}$");

  private final EmailAccountRequestRepository requests;
  private final BusinessCalendar calendar;
  private final int replyDays;

  public RecordMinistryTicket(EmailAccountRequestRepository requests, BusinessCalendar calendar,
      @Value("${mesa.email.ministry-reply-days:3}") int replyDays) {
    this.requests = requests;
    this.calendar = calendar;
    this.replyDays = replyDays;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = string(task, MINISTRY_TICKET_NUMBER);
    String ticket = text == null ? null : text.toUpperCase(Locale.ROOT);
    if (ticket == null || !TICKET.matcher(ticket).matches()) {
      throw new InvalidInputException("Indique el número de ticket que dio la mesa de servicio del Ministerio "
          + "(de 3 a 30 letras, números o guiones, con al menos un número).");
    }
    String caseNumber = string(task, CASE_NUMBER);
    if (ticket.equals(caseNumber) || ticket.startsWith(CASE_PREFIX + "-")) {
      throw new InvalidInputException("Ese es el número de nuestra mesa de ayuda; indique el número de ticket del "
          + "Ministerio.");
    }
    task.setVariable(MINISTRY_TICKET_NUMBER, ticket);
    Date replyDue = calendar.addBusinessDays(ClockUtil.getCurrentTime(), replyDays);
    task.setVariable(MINISTRY_REPLY_DUE, replyDue);
    task.setVariable(NEXT_REMINDER_DUE, replyDue);
    requests.recordMinistryTicket(caseNumber, ticket, ProcessVariables.actor(task),
        ClockUtil.getCurrentTime().toInstant());
  }
}
