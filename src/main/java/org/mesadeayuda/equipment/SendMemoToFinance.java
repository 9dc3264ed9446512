package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Technology Directorate's memo to Administration and Finance (EF-5): the diagnosis, what is recommended (repair
 * with parts, or purchase of a similar unit) and its estimated cost. Generated as an HTML document attached to the
 * case (Tasklist and Cockpit show it), and announced to DAF by e-mail.
 */
@Component("sendMemoToFinance")
public class SendMemoToFinance implements JavaDelegate {

  static final String ATTACHMENT_TYPE = "text/html";
  private static final DateTimeFormatter SPANISH_DATE =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es"));

  private final TaskService taskService;
  private final EquipmentMails mails;
  private final InstitutionProperties institution;
  private final BusinessCalendar calendar;
  private final Template memo;

  public SendMemoToFinance(TaskService taskService, EquipmentMails mails, InstitutionProperties institution,
      BusinessCalendar calendar) {
    this.taskService = taskService;
    this.mails = mails;
    this.institution = institution;
    this.calendar = calendar;
    try (Reader reader = new InputStreamReader(
        new ClassPathResource("templates/documents/equipment-memo.mustache").getInputStream(),
        StandardCharsets.UTF_8)) {
      this.memo = Mustache.compiler().defaultValue("").compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    values.put(DEPARTMENT, institution.department(string(execution, DEPARTMENT))
        .map(InstitutionProperties.Department::name).orElse(string(execution, DEPARTMENT)));
    values.put("institution", institution.name());
    values.put("date", SPANISH_DATE.format(ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone())));
    values.put("purchase", purchase);
    values.put("recommendation", purchase
        ? "la compra de un equipo de características similares, por falla permanente del equipo"
        : "la compra de las partes indicadas para reparar el equipo");
    values.put("estimatedCost", money(execution.getVariable(ESTIMATED_COST)));
    String html = memo.execute(values);
    String name = "Memorando DAF " + caseNumber + ".html";
    byte[] document = html.getBytes(StandardCharsets.UTF_8);
    taskService.createAttachment(ATTACHMENT_TYPE, null, execution.getProcessInstanceId(), name,
        "Memorando a Administración y Finanzas (" + (purchase ? "compra de equipo" : "reparación") + ")",
        new ByteArrayInputStream(document));
    // also as a file variable: Cockpit and the REST API offer it for download with the case
    execution.setVariable(FINANCE_MEMO, Variables.fileValue(name).file(document).mimeType(ATTACHMENT_TYPE)
        .encoding(StandardCharsets.UTF_8).create());
    mails.send(institution.financeEmail(), "equipment-finance-memo", execution, Map.of(
        "recommendation", values.get("recommendation"), "estimatedCost", values.get("estimatedCost"),
        "tasklistUrl", institution.tasklistUrl()));
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
