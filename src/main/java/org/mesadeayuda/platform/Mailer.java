package org.mesadeayuda.platform;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the processes' e-mails from Mustache templates in {@code templates/mail/<name>.mustache}. The template's first
 * line is the subject ({@code Asunto: ...}), the rest the body. A failure to send is thrown, so the service task's job
 * is retried and then shows as an incident; nothing is swallowed.
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

  private final JavaMailSender sender;
  private final InstitutionProperties institution;
  private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("");
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  public Mailer(JavaMailSender sender, InstitutionProperties institution) {
    this.sender = sender;
    this.institution = institution;
  }

  public void send(String to, String templateName, Map<String, ?> values) {
    Map<String, Object> context = new HashMap<>(values);
    context.put("institution", institution.name());
    context.put("tasklistUrl", institution.tasklistUrl());
    String text = templates.computeIfAbsent(templateName, this::compile).execute(context);
    int endOfSubject = text.indexOf('\n');
    String firstLine = text.substring(0, endOfSubject).trim();
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException("mail template " + templateName + " must start with '" + SUBJECT_PREFIX + "'");
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(institution.mailFrom());
    message.setTo(to);
    message.setSubject(firstLine.substring(SUBJECT_PREFIX.length()).trim());
    message.setText(text.substring(endOfSubject + 1).strip() + "\n");
    sender.send(message);
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
