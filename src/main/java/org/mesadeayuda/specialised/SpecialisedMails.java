package org.mesadeayuda.specialised;

import static org.mesadeayuda.specialised.SpecialisedRequestVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.RequesterLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The e-mails to the requester (templates/mail/specialised-*.mustache): approval, refusal with the reason, a question
 * from the Technology Director, the delivery. Each is a service task (asyncBefore, R3/PT5M) the BPMN names.
 */
@Configuration
class SpecialisedMails {

  private static final String[] CASE_VALUES = {CASE_NUMBER, REQUESTER_NAME, DESCRIPTION, REQUEST_KIND_LABEL,
      REFUSAL_REASON, INFORMATION_QUESTION, TECHNICIAN, PLANNED_START_LABEL, PLANNED_END_LABEL, DELIVERY_SUMMARY};

  /** 002 §4.2: the Technology Director approved the request; planning follows. */
  @Bean
  JavaDelegate notifySpecialisedApproval(Mailer mailer, RequesterLinks links) {
    return toRequester(mailer, links, "specialised-approved");
  }

  /** 002 §4.2: the refusal and its reason. */
  @Bean
  JavaDelegate notifySpecialisedRefusal(Mailer mailer, RequesterLinks links) {
    return toRequester(mailer, links, "specialised-refused");
  }

  /** The Technology Director's question; the answer is a task in the requester's Tasklist. */
  @Bean
  JavaDelegate askSpecialisedInformation(Mailer mailer, RequesterLinks links) {
    return toRequester(mailer, links, "specialised-information-requested");
  }

  /** 002 §4.3, §5.1: what was delivered. */
  @Bean
  JavaDelegate notifySpecialisedDelivery(Mailer mailer, RequesterLinks links) {
    return toRequester(mailer, links, "specialised-delivered");
  }

  private static JavaDelegate toRequester(Mailer mailer, RequesterLinks links, String template) {
    return execution -> {
      Map<String, Object> values = values(execution);
      links.addTo(values, execution);
      mailer.send(string(execution, REQUESTER_EMAIL), template, values);
    };
  }

  private static Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    for (String name : CASE_VALUES) {
      values.put(name, string(execution, name));
    }
    values.put("fromTicket", string(execution, TICKET_NUMBER) != null);
    return values;
  }
}
