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
import java.time.Clock;
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
  private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("");
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  public Mailer(MailOutbox outbox, MailOutboxSender sender, InstitutionProperties institution) {
    this.outbox = outbox;
    this.sender = sender;
    this.institution = institution;
  }

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
    Map<String, Object> context = new HashMap<>(values);
    context.put("institution", institution.name());
    context.put("tasklistUrl", institution.tasklistUrl());
    String text = templates.computeIfAbsent(templateName, this::compile).execute(context);
    int endOfSubject = text.indexOf('\n');
    String firstLine = text.substring(0, endOfSubject).trim();
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException("mail template " + templateName + " must start with '" + SUBJECT_PREFIX + "'");
    }
    long id = outbox.add(templateName, institution.mailFrom(), to, firstLine.substring(SUBJECT_PREFIX.length()).trim(),
        text.substring(endOfSubject + 1).strip() + "\n", attachments, Clock.systemUTC().instant());
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

  private Template compile(String templateName) {
    ClassPathResource resource = new ClassPathResource("templates/mail/" + templateName + ".mustache");
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return compiler.compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("mail template " + templateName + " not found", e);
    }
  }
}
