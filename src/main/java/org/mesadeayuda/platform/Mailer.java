package org.mesadeayuda.platform;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the processes' e-mails from Mustache templates in {@code templates/mail/<name>.mustache}. The template's first
 * line is the subject ({@code Asunto: ...}), the rest the body.
 *
 * <p>Sending means queuing: the rendered e-mail is written to the {@link MailOutbox} in the caller's transaction (the
 * engine runs its commands in Spring's transactions on the same data source), so it exists exactly when the step that
 * asked for it has committed, and a mail server that is down never fails or delays the step (issue 13). Right after
 * the commit the e-mail is tried once ({@code mesa.mail.outbox.after-commit}); whatever fails is retried by the
 * {@link MailOutboxSender} until the server takes it. A template error still fails the step: that is a bug to see.
 */
@Component
public class Mailer {

  private static final String SUBJECT_PREFIX = "Asunto:";
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail looks its stream provider up for every message; without this property it is a ServiceLoader scan
    // of every jar on the class path, each time (issue 8). The property names the one implementation we ship.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final MailOutbox outbox;
  private final MailOutboxSender sender;
  private final InstitutionProperties institution;
  private final Labels labels;
  /** A line that names a field and gives nothing after it ("Equipo asignado:"); a salutation is the body's first. */
  private static final Pattern EMPTY_FIELD = Pattern.compile("\\s*\\p{L}[^:\\n]{0,60}:\\s*");
  /** A line that names a field and gives its value ("Prioridad: Alta"): an empty field above it is no heading. */
  private static final Pattern FIELD = Pattern.compile("\\s*\\p{L}[^:\\n]{0,60}: .*");
  // an empty text is "nothing" for a section too: {{#replacementAssetTag}}Equipo asignado: ...{{/replacementAssetTag}}
  // must leave the line out when there is no replacement, not print the label alone
  private final Mustache.Compiler compiler =
      Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true);
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  public Mailer(MailOutbox outbox, MailOutboxSender sender, InstitutionProperties institution, Labels labels) {
    this.outbox = outbox;
    this.sender = sender;
    this.institution = institution;
    this.labels = labels;
  }

  /** A rendered e-mail: its subject and body. */
  public record MailText(String subject, String body) {}

  public void send(String to, String templateName, Map<String, ?> values) {
    send(to, templateName, values, List.of(), null);
  }

  /** Sends the e-mail with files attached (documents in PDF, spreadsheets), queued with it in the same transaction. */
  public void send(String to, String templateName, Map<String, ?> values, List<MailAttachment> attachments) {
    send(to, templateName, values, attachments, null);
  }

  /** Sends the e-mail as an answer in a conversation ({@code thread} null: a new conversation). */
  public void send(String to, String templateName, Map<String, ?> values, MailThread thread) {
    send(to, templateName, values, List.of(), thread);
  }

  /** Sends the e-mail with its files, as an answer in {@code thread} when there is one. */
  public void send(String to, String templateName, Map<String, ?> values, List<MailAttachment> attachments,
      MailThread thread) {
    MailText mail = render(templateName, values);
    // queued already held by this node's sender, which tries it right after the commit without claiming it
    long id = outbox.add(templateName, institution.mailFrom(), to, mail.subject(), mail.body(), attachments,
        Clock.systemUTC().instant(), sender.claimForAfterCommit());
    if (thread != null) {
      outbox.thread(id, thread);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          sender.afterCommit(id);
        }
      });
    } else {
      sender.afterCommit(id);
    }
  }

  /**
   * Renders a template. What the caller passes is written for a person whatever its form ({@link Labels}): dates and
   * moments in Spanish in the office's time zone (never {@code Thu Dec 03 22:42:06 UTC 2026} or
   * {@code 2026-12-03T16:42}), a code under its variable's name as its label, a user id under a person variable's name
   * as her full name.
   */
  public MailText render(String templateName, Map<String, ?> values) {
    Map<String, Object> context = new HashMap<>();
    values.forEach((name, value) -> context.put(name, readable(name, value)));
    context.put("institution", institution.name());
    context.put("tasklistUrl", institution.tasklistUrl());
    String text = templates.computeIfAbsent(templateName, this::compile).execute(context);
    int endOfSubject = text.indexOf('\n');
    String firstLine = text.substring(0, endOfSubject).trim();
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException("mail template " + templateName + " must start with '" + SUBJECT_PREFIX + "'");
    }
    return new MailText(firstLine.substring(SUBJECT_PREFIX.length()).trim(),
        withoutEmptyFields(text.substring(endOfSubject + 1).strip()) + "\n");
  }

  /**
   * Leaves out a line that names a field with nothing after it (the value is empty and the line would say nothing),
   * and the run of blank lines that sections which did not apply leave behind. A "Label:" line followed by text is a
   * heading ("Trabajo realizado:" above the work done) and stays.
   */
  static String withoutEmptyFields(String body) {
    String[] lines = body.split("\n", -1);
    java.util.Deque<String> kept = new java.util.ArrayDeque<>();
    // from the end, so a field left out never hides that the one above it is empty too
    for (int i = lines.length - 1; i >= 0; i--) {
      String next = kept.peekFirst();
      boolean nothingFollows = next == null || next.isBlank() || FIELD.matcher(next).matches();
      if (i > 0 && nothingFollows && EMPTY_FIELD.matcher(lines[i]).matches()) {
        continue;
      }
      kept.addFirst(lines[i].stripTrailing());
    }
    return String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
  }

  private Object readable(String name, Object value) {
    if (value instanceof String code && Labels.codedVariables().contains(name)) {
      return Labels.code(name, code);
    }
    if (value instanceof String userId && Labels.PERSON_VARIABLES.contains(name)) {
      return labels.person(userId);
    }
    if (Labels.isMoment(value) || value instanceof LocalDate || value instanceof String text && Labels.isIsoDate(text)) {
      return labels.when(value);
    }
    return value;
  }

  private Template compile(String templateName) {
    ClassPathResource resource = new ClassPathResource("templates/mail/" + templateName + ".mustache");
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return compiler.compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("mail template " + templateName + " not found", e);
    }
  }
}
