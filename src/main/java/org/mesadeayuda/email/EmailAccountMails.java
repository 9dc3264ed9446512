package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.RequesterLinks;
import org.springframework.stereotype.Component;

/** The e-mail account e-mails (templates/mail/email-account-*.mustache), filled with the case's variables. */
@Component
public class EmailAccountMails {

  private static final String[] CASE_VALUES = {CASE_NUMBER, REQUEST_TYPE_LABEL, REQUESTER_NAME, REQUESTED_ACCOUNT,
      EXISTING_ACCOUNT, REFUSAL_REASON, MINISTRY_TICKET_NUMBER, ACCOUNT_ADDRESS, MINISTRY_ANSWER};

  private final Mailer mailer;
  private final InstitutionProperties institution;
  private final RequesterLinks links;

  public EmailAccountMails(Mailer mailer, InstitutionProperties institution, RequesterLinks links) {
    this.mailer = mailer;
    this.institution = institution;
    this.links = links;
  }

  /** To the requester, with the link to the case in her "Mis solicitudes". */
  public void toRequester(String template, DelegateExecution execution) {
    Map<String, Object> values = values(execution);
    links.addTo(values, execution);
    mailer.send(string(execution, REQUESTER_EMAIL), template, values);
  }

  public void toTechnologyHead(String template, DelegateExecution execution) {
    mailer.send(institution.technologyHeadEmail(), template, values(execution));
  }

  private static Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    for (String name : CASE_VALUES) {
      values.put(name, string(execution, name));
    }
    values.put("creation", CREATION.equals(string(execution, REQUEST_TYPE)));
    return values;
  }
}
