package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.MailAttachment;
import org.mesadeayuda.platform.MailThread;
import org.mesadeayuda.platform.Labels;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.RequesterLinks;
import org.springframework.stereotype.Component;

/** The support request's e-mails (templates in templates/mail/support-*.mustache), with the ticket's facts filled in. */
@Component
public class SupportMails {

  private final Mailer mailer;
  private final Labels labels;
  private final RequesterLinks links;

  public SupportMails(Mailer mailer, Labels labels, RequesterLinks links) {
    this.mailer = mailer;
    this.labels = labels;
    this.links = links;
  }

  public void send(String to, String template, DelegateExecution execution, Map<String, ?> extra) {
    send(to, template, execution, extra, List.of());
  }

  public void send(String to, String template, DelegateExecution execution, Map<String, ?> extra,
      List<MailAttachment> attachments) {
    Map<String, Object> values = new HashMap<>();
    values.put("ticketNumber", ticketNumber(execution));
    values.put("requesterName", string(execution, REQUESTER_NAME));
    values.put("serviceCatalogEntry", string(execution, SERVICE_CATALOG_ENTRY));
    values.put("description", string(execution, DESCRIPTION));
    values.put("priority", Labels.code(PRIORITY, string(execution, PRIORITY)));
    // the mailer writes the technician's full name; a ticket nobody holds yet says so instead of an empty line
    values.put("technician", string(execution, TECHNICIAN) == null ? "sin asignar" : string(execution, TECHNICIAN));
    values.put("workDone", string(execution, WORK_DONE));
    values.put("firstResponseDue", format(date(execution, FIRST_RESPONSE_DUE)));
    values.put("resolutionDue", format(date(execution, RESOLUTION_DUE)));
    if (toRequester(to, execution)) {
      // her ticket in "Mis solicitudes", in every e-mail she gets about it
      links.addTo(values, execution);
    }
    values.putAll(extra);
    mailer.send(to, template, values, attachments, thread(to, execution));
  }

  /**
   * A request that came by e-mail is answered in its conversation: what goes to the address it came from carries
   * In-Reply-To and References of that message (SR-1), so the requester sees our answers under her own message.
   */
  private static MailThread thread(String to, DelegateExecution execution) {
    String messageId = string(execution, MailThread.MESSAGE_ID_VARIABLE);
    if (messageId == null || !toRequester(to, execution)) {
      return null;
    }
    return MailThread.answering(messageId, null);
  }

  private static boolean toRequester(String to, DelegateExecution execution) {
    String requesterEmail = string(execution, REQUESTER_EMAIL);
    return to != null && requesterEmail != null && to.trim().equalsIgnoreCase(requesterEmail.trim());
  }

  public void send(String to, String template, DelegateExecution execution) {
    send(to, template, execution, Map.of());
  }

  public String format(Date date) {
    return labels.dateTime(date);
  }
}
