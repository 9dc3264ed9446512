package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;

/**
 * Deadline extension (SR-10): for an operating-system failure or a hardware part, the resolution deadline moves by the
 * given business days and the technical report (dictamen técnico) goes to the head of the requesting department.
 */
@Component("extendDeadline")
public class ExtendDeadline implements JavaDelegate {

  static final Map<String, String> CAUSE_LABELS = Map.of(
      "os_failure", "Falla del sistema operativo",
      "hardware_part", "Reemplazo o reparación de partes de hardware");

  private final BusinessCalendar calendar;
  private final TicketRegister register;
  private final SupportMails mails;
  private final InstitutionProperties institution;
  private final TechnicalReportDocument reports;

  public ExtendDeadline(BusinessCalendar calendar, TicketRegister register, SupportMails mails,
      InstitutionProperties institution, TechnicalReportDocument reports) {
    this.calendar = calendar;
    this.register = register;
    this.mails = mails;
    this.institution = institution;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int days = integer(execution, EXTENSION_DAYS);
    Date extended = calendar.addBusinessDays(date(execution, RESOLUTION_DUE), days);
    execution.setVariable(RESOLUTION_DUE, extended);
    String cause = string(execution, EXTENSION_CAUSE);
    SupportTicket updated = register.update(ticketNumber(execution), ticket -> {
      ticket.setResolutionDue(TicketRegister.instant(extended));
      ticket.setExtensionCause(cause);
      ticket.setExtensionDays((ticket.getExtensionDays() == null ? 0 : ticket.getExtensionDays()) + days);
      ticket.setTechnicalReport(string(execution, TECHNICAL_REPORT));
      ticket.setWorkDone(string(execution, WORK_DONE));
    });
    String department = string(execution, DEPARTMENT);
    String headEmail = institution.department(department)
        .map(InstitutionProperties.Department::headEmail)
        .orElse(institution.technologyHeadEmail());
    mails.send(headEmail, "support-technical-report", execution, Map.of(
        "departmentName", institution.department(department).map(InstitutionProperties.Department::name)
            .orElse(department),
        "extensionCause", CAUSE_LABELS.getOrDefault(cause, cause),
        "extensionDays", days,
        "technicalReport", string(execution, TECHNICAL_REPORT)),
        List.of(reports.extension(updated, CAUSE_LABELS.getOrDefault(cause, cause), days).asAttachment()));
  }
}
