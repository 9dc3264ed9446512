package org.mesadeayuda.platform;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who the institution is and whom the processes write to.
 *
 * @param name the institution's name, used in e-mails
 * @param tasklistUrl where people open their tasks, linked from e-mails
 * @param mailFrom sender of every e-mail
 * @param deskEmail the support desk's mailbox (first-response alerts)
 * @param technologyHeadEmail the head of the Technology Directorate (SLA breaches, authorizations)
 * @param financeEmail Administration and Finance (DAF): memos asking for repairs and purchases
 * @param qualityEmail Quality Management: the indicators it receives (PM-4, RP-1)
 * @param departments requesting departments by code, with their heads (e-mail, and optionally the Camunda user who
 *     answers the department's tasks, such as confirming maintenance availability)
 */
@ConfigurationProperties("mesa.institution")
public record InstitutionProperties(
    @DefaultValue("Institución pública") String name,
    String tasklistUrl,
    String mailFrom,
    String deskEmail,
    String technologyHeadEmail,
    String financeEmail,
    String qualityEmail,
    Map<String, Department> departments) {

  public InstitutionProperties {
    departments = departments == null ? Map.of() : Map.copyOf(departments);
  }

  public record Department(String name, String headEmail, String headUser) {

    public Department {
      // a profile's department leaves head-user to a placeholder the demo fills; unset, it is empty: no head user
      headUser = headUser == null || headUser.isBlank() ? null : headUser.trim();
    }
  }

  public Optional<Department> department(String code) {
    return Optional.ofNullable(code).map(departments::get);
  }
}
