package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.mesadeayuda.documents.DocumentReaders;
import org.mesadeayuda.documents.Documents;
import org.mesadeayuda.documents.GeneratedDocument;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Role;
import org.springframework.stereotype.Component;

/**
 * The Technology Directorate's memo to Administration and Finance (EF-5): the diagnosis, what is recommended (repair
 * with parts) and its estimated cost; for a permanent failure without a spare unit, the replacement purchase request
 * (EF-6). A PDF document kept with the case (Finance downloads it from its task; Cockpit and the REST API offer it as
 * the file variable {@code financeMemo}) and attached to the e-mail that tells Finance.
 */
@Component("sendMemoToFinance")
public class SendMemoToFinance implements JavaDelegate {

  static final String MEMO_KIND = "finance_memo";
  static final String PURCHASE_KIND = "replacement_purchase_request";
  private static final DateTimeFormatter SPANISH_DATE =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es"));

  private final TaskService taskService;
  private final EquipmentMails mails;
  private final InstitutionProperties institution;
  private final BusinessCalendar calendar;
  private final Documents documents;

  public SendMemoToFinance(TaskService taskService, EquipmentMails mails, InstitutionProperties institution,
      BusinessCalendar calendar, Documents documents) {
    this.taskService = taskService;
    this.mails = mails;
    this.institution = institution;
    this.calendar = calendar;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = caseNumber(execution);
    // the manual's memo states the diagnosis, the recommendation and the costs: never one without them
    if (string(execution, FINDINGS) == null || !ValidateDiagnosis.validCost(execution.getVariable(ESTIMATED_COST))) {
      throw new IllegalStateException("case " + caseNumber + ": the memo to Finance needs the diagnosis and the "
          + "estimated cost");
    }
    boolean purchase = "purchase".equals(string(execution, MEMO_PURPOSE));
    Map<String, Object> values = new HashMap<>();
    for (String name : new String[] {TICKET_NUMBER, REQUESTER_NAME, DEPARTMENT, ASSET_TAG, ASSET_DESCRIPTION,
        FAILURE_DESCRIPTION, FINDINGS, FAILED_PART, PARTS_NEEDED, LOANER_ASSET_TAG, QUOTES_SUMMARY}) {
      values.put(name, string(execution, name));
    }
    values.put(TICKET_NUMBER, caseNumber);
    values.put(DEPARTMENT, institution.department(string(execution, DEPARTMENT))
        .map(InstitutionProperties.Department::name).orElse(string(execution, DEPARTMENT)));
    values.put("date", SPANISH_DATE.format(ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone())));
    values.put("purchase", purchase);
    values.put("recommendation", purchase
        ? "la compra de un equipo de características similares, por falla permanente del equipo"
        : "la compra de las partes indicadas para reparar el equipo");
    values.put("estimatedCost", money(execution.getVariable(ESTIMATED_COST)));
    String title = purchase ? "Solicitud de compra de equipo de reemplazo " + caseNumber
        : "Memorando a Administración y Finanzas " + caseNumber;
    String fileName = (purchase ? "Solicitud de compra " : "Memorando DAF ") + caseNumber + ".pdf";
    // Finance decides on it, the Technology Directorate wrote it: nobody else reads the costs
    GeneratedDocument memo = documents.producePdf(caseNumber, purchase ? PURCHASE_KIND : MEMO_KIND, title, fileName,
        "finance-memo", values, DocumentReaders.groups(Role.DAF.groupId(), Role.DIRECTOR_TI.groupId()));
    taskService.createAttachment(GeneratedDocument.PDF, null, execution.getProcessInstanceId(), fileName, title,
        new ByteArrayInputStream(memo.content()));
    // also as a file variable: Cockpit and the REST API offer it for download with the case
    execution.setVariable(FINANCE_MEMO, Variables.fileValue(fileName).file(memo.content())
        .mimeType(GeneratedDocument.PDF).create());
    execution.setVariable(FINANCE_MEMO_URL, memo.downloadPath());
    mails.send(institution.financeEmail(), "equipment-finance-memo", execution, Map.of(
        "recommendation", values.get("recommendation"), "estimatedCost", values.get("estimatedCost"),
        "tasklistUrl", institution.tasklistUrl(), "documentTitle", title), List.of(memo.asAttachment()));
  }
  static String money(Object amount) {
    if (!(amount instanceof Number number)) {
      return "por cotizar";
    }
    NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("es-GT"));
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return "Q " + format.format(new BigDecimal(number.toString()));
  }
}
