package org.mesadeayuda.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mesadeayuda.attachments.AttachmentRefusedException;
import org.mesadeayuda.attachments.Attachments;
import org.mesadeayuda.attachments.Person;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.MailThread;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.RequesterProfile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one message becomes, inside the transaction {@link MailIntake} opened for it:
 * <ul>
 *   <li>an answer in a case's conversation (its number in the subject, or In-Reply-To/References naming a message
 *       that became the case) from someone of the case: a comment on it, and a short answer saying so;</li>
 *   <li>from a staff user (the From address is a user's e-mail): a support request in her name, started like any
 *       other start (same start form rules, same engine authorization), channel e-mail;</li>
 *   <li>from anybody else: a request for the desk to qualify, or a polite refusal ({@code unknown-senders});</li>
 *   <li>an automatic message (out of office, bounce, list) or our own: recorded, nothing else, so no loop of answers.</li>
 * </ul>
 * The message's files go through the case's attachments ({@link Attachments}: content check, size limits); a refused
 * file is named with its reason in the request's description or the comment.
 */
@Component
class IntakeHandler {

  static final String TICKET = "ticket";
  static final String COMMENT = "comment";
  static final String REFUSED = "refused";
  static final String IGNORED = "ignored";
  static final String CHANNEL_EMAIL = "email";

  /** The support-request process and its start form's fields (forms/support-request/support-request-start.form). */
  static final String PROCESS = "support-request";
  static final String REQUESTER = "requester";
  static final String REQUESTER_NAME = "requesterName";
  static final String REQUESTER_EMAIL = "requesterEmail";
  static final String DEPARTMENT = "department";
  static final String CHANNEL = "channel";
  static final String REQUEST_TYPE = "requestType";
  static final String DESCRIPTION = "description";
  static final String IMPACT = "impact";
  static final String URGENCY = "urgency";

  private static final int DESCRIPTION_LENGTH = 4000;
  private static final int NOTES_LENGTH = 1500;
  /** A case number as the processes give them: SOP-2026-000042. */
  private static final Pattern CASE_NUMBER = Pattern.compile("\\b([A-Z]{2,6}-\\d{4}-\\d{6})\\b");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  /** Where a mail program starts quoting the message answered. */
  private static final Pattern QUOTE_HEADER = Pattern.compile(
      "^(El .+escribi[oó]:|On .+wrote:|-{2,} ?(Mensaje original|Original Message) ?-{2,}|_{10,}|De: .+|From: .+)$");

  record Result(String outcome, String caseNumber, String detail) {}

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Senders senders;
  private final Attachments attachments;
  private final CaseComments comments;
  private final IntakeLedger ledger;
  private final Mailer mailer;
  private final InstitutionProperties institution;
  private final TransactionTemplate savepoint;
  private final Clock clock = Clock.systemUTC();

  IntakeHandler(RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
      IdentityService identityService, Senders senders, Attachments attachments, CaseComments comments,
      IntakeLedger ledger, Mailer mailer, InstitutionProperties institution, PlatformTransactionManager transactions) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.senders = senders;
    this.attachments = attachments;
    this.comments = comments;
    this.ledger = ledger;
    this.mailer = mailer;
    this.institution = institution;
    // each file in a savepoint of the message's transaction: a refused file is undone alone
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  Result handle(InboundMessage message, IntakeProperties mailbox) {
    if (message.automatic() || message.senderAddress().equalsIgnoreCase(String.valueOf(institution.mailFrom()))) {
      return new Result(IGNORED, null, "mensaje automático o propio: no se responde");
    }
    Optional<Senders.Staff> staff = senders.staff(message.senderAddress());
    Optional<String> answered = answeredCase(message)
        .filter(caseNumber -> belongsTo(caseNumber, staff, message.senderAddress()));
    if (answered.isPresent()) {
      return comment(answered.get(), message, staff);
    }
    if (staff.isEmpty() && mailbox.unknownSenders() == IntakeProperties.UnknownSenders.REFUSE) {
      return refuse(message);
    }
    return open(message, staff, mailbox);
  }

  // --- a new request

  private Result open(InboundMessage message, Optional<Senders.Staff> staff, IntakeProperties mailbox) {
    String department = staff.flatMap(this::department).orElse(mailbox.department());
    Map<String, Object> variables = new HashMap<>();
    variables.put(REQUESTER, staff.map(Senders.Staff::userId).orElse(null));
    variables.put(REQUESTER_NAME, IntakeLedger.cut(staff.map(Senders.Staff::name)
        .orElse(message.senderName() == null || message.senderName().isBlank() ? message.senderAddress()
            : message.senderName().strip()), 200));
    variables.put(REQUESTER_EMAIL, IntakeLedger.cut(message.senderAddress(), 200));
    variables.put(DEPARTMENT, department);
    variables.put(CHANNEL, CHANNEL_EMAIL);
    variables.put(REQUEST_TYPE, mailbox.requestType());
    variables.put(IMPACT, mailbox.impact());
    variables.put(URGENCY, mailbox.urgency());
    String text = description(message);
    variables.put(DESCRIPTION, fit(text, DESCRIPTION_LENGTH));
    variables.put(MailThread.MESSAGE_ID_VARIABLE, message.messageId());

    ProcessInstance instance;
    // a staff user files her own request: the engine checks she may, and records her as its starter
    staff.ifPresent(person -> identityService.setAuthentication(person.userId(), List.copyOf(person.groups())));
    try {
      // channel e-mail and the sender's address stay: the engine's profile rules are for someone filling the form
      instance = RequesterProfile.statedByIntake(
          () -> runtimeService.createProcessInstanceByKey(PROCESS).setVariables(variables).execute());
    } finally {
      identityService.clearAuthentication();
    }
    String caseNumber = instance.getBusinessKey();
    List<String> notes = attach(caseNumber, message, staff.map(Senders.Staff::person).orElse(desk(mailbox)));
    if (!notes.isEmpty()) {
      String note = fit("Adjuntos del correo:\n" + String.join("\n", notes), NOTES_LENGTH);
      runtimeService.setVariable(instance.getId(), DESCRIPTION,
          fit(text, DESCRIPTION_LENGTH - note.length() - 2) + "\n\n" + note);
    }
    return new Result(TICKET, caseNumber, staff.isPresent() ? null : "remitente sin usuario: la mesa lo califica");
  }

  private static String description(InboundMessage message) {
    String subject = message.subject().isBlank() ? "(sin asunto)" : message.subject();
    String text = message.text().isBlank() ? "(el correo no traía texto)" : message.text();
    return "Asunto: " + subject + "\n\n" + text;
  }

  /** The staff user's department: her profile's, else the one of her last request. */
  private Optional<String> department(Senders.Staff staff) {
    Optional<String> own = staff.department().filter(code -> institution.department(code).isPresent());
    if (own.isPresent()) {
      return own;
    }
    List<HistoricProcessInstance> last = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS).variableValueEquals(REQUESTER, staff.userId())
        .orderByProcessInstanceStartTime().desc().listPage(0, 1);
    if (last.isEmpty()) {
      return Optional.empty();
    }
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(last.get(0).getId())
        .variableName(DEPARTMENT).list().stream().map(HistoricVariableInstance::getValue)
        .filter(String.class::isInstance).map(String.class::cast)
        .filter(code -> institution.department(code).isPresent()).findFirst();
  }

  // --- a reply to a case

  /** The case the message answers: a message of its conversation that became it, or its number in the subject. */
  private Optional<String> answeredCase(InboundMessage message) {
    if (message.references() != null) {
      Set<String> ids = new LinkedHashSet<>();
      Matcher matcher = MESSAGE_ID.matcher(message.references());
      while (matcher.find()) {
        ids.add(matcher.group());
      }
      Optional<String> known = ledgerCase(ids);
      if (known.isPresent()) {
        return known;
      }
    }
    Matcher number = CASE_NUMBER.matcher(message.subject().toUpperCase(Locale.ROOT));
    while (number.find()) {
      String caseNumber = number.group(1);
      if (historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count() > 0) {
        return Optional.of(caseNumber);
      }
    }
    return Optional.empty();
  }

  private Optional<String> ledgerCase(Set<String> messageIds) {
    return ledger.caseOf(messageIds);
  }

  /**
   * Only someone of the case adds to it by e-mail: a staff user who may see the case (requester, desk, technician,
   * approver), or the address the case's requester gave. A number quoted by anybody else opens a request of its own.
   */
  private boolean belongsTo(String caseNumber, Optional<Senders.Staff> staff, String address) {
    if (staff.isPresent()) {
      try {
        attachments.permissions(caseNumber, staff.get().person());
        return true;
      } catch (Attachments.CaseNotVisibleException notOfTheCase) {
        // a staff user quoting somebody else's case: not hers to add to
      }
    }
    List<String> instanceIds = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list().stream().map(HistoricProcessInstance::getId).toList();
    return !instanceIds.isEmpty() && historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instanceIds.toArray(String[]::new)).variableName(REQUESTER_EMAIL).list().stream()
        .map(HistoricVariableInstance::getValue).filter(String.class::isInstance)
        .anyMatch(value -> ((String) value).trim().equalsIgnoreCase(address));
  }

  private Result comment(String caseNumber, InboundMessage message, Optional<Senders.Staff> staff) {
    String text = withoutQuotedReply(message.text());
    if (text.isBlank()) {
      text = "(el correo no traía texto)";
    }
    Person person = staff.map(Senders.Staff::person).orElse(null);
    List<String> notes = person == null
        ? message.files().stream().map(file -> "«" + file.name() + "»: no se guardó; solo el personal de la "
            + "institución agrega documentos al caso").toList()
        : attach(caseNumber, message, person);
    String body = text;
    if (!notes.isEmpty()) {
      String note = fit("Adjuntos del correo:\n" + String.join("\n", notes), NOTES_LENGTH);
      body = fit(text, CaseComments.MAX_LENGTH - note.length() - 2) + "\n\n" + note;
    }
    body = fit(body, CaseComments.MAX_LENGTH);
    String authorName = staff.map(Senders.Staff::name).orElse(message.senderName());
    comments.add(caseNumber, staff.map(Senders.Staff::userId).orElse(null), authorName, message.senderAddress(),
        CHANNEL_EMAIL, body, message.messageId(), clock.instant());
    // the people working the case read it where they work: the Tasklist's history of each open task of the case
    String forTasklist = "Mensaje por correo de " + message.sender() + ":\n" + body;
    List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
    for (Task task : open) {
      taskService.createComment(task.getId(), task.getProcessInstanceId(), forTasklist);
    }
    boolean running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count() > 0;
    Map<String, Object> values = new HashMap<>();
    values.put("caseNumber", caseNumber);
    values.put("senderName", authorName == null || authorName.isBlank() ? message.senderAddress() : authorName);
    values.put("closed", !running);
    values.put("notes", notes);
    values.put("hasNotes", !notes.isEmpty());
    mailer.send(message.senderAddress(), "intake-comment-added", values,
        MailThread.answering(message.messageId(), message.references()));
    return new Result(COMMENT, caseNumber, null);
  }

  /** The new text of a reply: what the mail program quoted of earlier messages is left out. */
  static String withoutQuotedReply(String text) {
    StringBuilder kept = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (QUOTE_HEADER.matcher(trimmed).matches() && !kept.toString().isBlank()) {
        break;
      }
      if (!trimmed.startsWith(">")) {
        kept.append(line).append('\n');
      }
    }
    return MessageReader.normalise(kept.toString());
  }

  // --- an unknown sender, refused

  private Result refuse(InboundMessage message) {
    Map<String, Object> values = new HashMap<>();
    values.put("address", message.senderAddress());
    values.put("subject", message.subject().isBlank() ? "(sin asunto)" : message.subject());
    mailer.send(message.senderAddress(), "intake-refused", values,
        MailThread.answering(message.messageId(), message.references()));
    return new Result(REFUSED, null, "remitente sin usuario: se respondió que el buzón es del personal");
  }

  // --- files

  private Person desk(IntakeProperties mailbox) {
    return new Person(mailbox.systemUser(), Set.of(Senders.DESK));
  }

  /** Keeps each file through the case's attachments; returns a line per file, saying what became of it. */
  private List<String> attach(String caseNumber, InboundMessage message, Person person) {
    List<String> notes = new ArrayList<>();
    for (InboundMessage.File file : message.files()) {
      try {
        String kept = savepoint.execute(status ->
            attachments.add(caseNumber, person, file.name(), file.content()).fileName());
        notes.add("«" + kept + "»: guardado con el caso");
      } catch (AttachmentRefusedException | Attachments.CaseNotVisibleException refused) {
        notes.add("«" + file.name() + "»: no se guardó; " + refused.getMessage());
      }
    }
    return notes;
  }

  /** The text cut to {@code length} characters, saying so. */
  static String fit(String text, int length) {
    if (text.length() <= length) {
      return text;
    }
    String note = "\n[…] (texto recortado: tenía " + text.length() + " caracteres)";
    return text.substring(0, Math.max(0, length - note.length())).stripTrailing() + note;
  }
}
