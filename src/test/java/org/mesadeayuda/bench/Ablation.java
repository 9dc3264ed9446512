package org.mesadeayuda.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.mesadeayuda.documents.PdfDocuments;
import org.mesadeayuda.platform.CalendarProperties;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Labels;
import org.mesadeayuda.platform.MailAttachment;
import org.mesadeayuda.platform.Mailer;
import org.mesadeayuda.platform.RequesterLinks;
import org.mesadeayuda.support.SupportMails;
import org.mesadeayuda.support.SupportTicketRepository;
import org.mesadeayuda.support.TicketRegister;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19, seventh pass: what each piece of the application's own work costs, measured rather than estimated.
 * {@code -Dbench.ablate=pdf;mail;decision-history;register;decision-history,pdf,mail,register} adds to every
 * measured iteration one application round per entry with those pieces switched off, the application, the baseline
 * and the entries taking every place in turn (only in the benchmark's context; the application never has these
 * switches):
 * <ul>
 *   <li>{@code decision-history}: the two decision tables are evaluated as always, their history is not written;</li>
 *   <li>{@code pdf}: the technical report is not drawn; the first one drawn is stored and attached again;</li>
 *   <li>{@code mail}: the support request's e-mails are neither rendered nor queued;</li>
 *   <li>{@code register}: the register's five updates after the ticket is opened (assignment, first response,
 *       resolution, closure, rating) are not written.</li>
 * </ul>
 * What such a round costs against the application's rounds is what that piece costs; against the baseline's, how far
 * the application would be from the bare engine without it. A round with pieces off is not a valid application round
 * (its register and e-mails are incomplete): the benchmark's end-of-run checks are skipped when ablations ran.
 */
@TestConfiguration
@ConditionalOnProperty("bench.ablate") // a plain benchmark run has none of these beans
class Ablation {

  private static final Set<String> KNOWN = Set.of("decision-history", "pdf", "mail", "register");
  static final List<Set<String>> ROUNDS = parse(System.getProperty("bench.ablate", ""));
  private static volatile Set<String> off = Set.of();

  static List<Set<String>> parse(String value) {
    List<Set<String>> rounds = new ArrayList<>();
    for (String entry : value.split(";")) {
      if (!entry.isBlank()) {
        Set<String> pieces = Set.copyOf(Arrays.stream(entry.split(",")).map(String::trim).toList());
        if (!KNOWN.containsAll(pieces)) {
          throw new IllegalArgumentException("bench.ablate: " + entry + " (known: " + KNOWN + ")");
        }
        rounds.add(pieces);
      }
    }
    return rounds;
  }

  static String name(Set<String> pieces) {
    return "without " + String.join("+", pieces.stream().sorted().toList());
  }

  /** Runs {@code round} with {@code pieces} switched off. */
  static <T> T without(Set<String> pieces, java.util.concurrent.Callable<T> round) throws Exception {
    off = pieces;
    try {
      return round.call();
    } finally {
      off = Set.of();
    }
  }

  static boolean off(String piece) {
    return off.contains(piece);
  }

  /** The engine's own history handler, without the decisions' history while {@code decision-history} is off. */
  @Bean
  ProcessEnginePlugin ablatableDecisionHistory() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        DbHistoryEventHandler database = new DbHistoryEventHandler();
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(List.of(new HistoryEventHandler() {
          @Override
          public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricDecisionEvaluationEvent && off("decision-history"))) {
              database.handleEvent(event);
            }
          }

          @Override
          public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
          }
        }));
      }
    };
  }

  @Bean
  @Primary
  PdfDocuments ablatablePdfDocuments(InstitutionProperties institution, CalendarProperties calendar) {
    return new PdfDocuments(institution, calendar) {
      private volatile byte[] drawn;

      @Override
      public byte[] render(String template, String title, Map<String, ?> values) {
        byte[] pdf = drawn;
        if (pdf != null && off("pdf")) {
          return pdf;
        }
        pdf = super.render(template, title, values);
        drawn = pdf;
        return pdf;
      }
    };
  }

  @Bean
  @Primary
  SupportMails ablatableSupportMails(Mailer mailer, Labels labels, RequesterLinks links) {
    return new SupportMails(mailer, labels, links) {
      @Override
      public void send(String to, String template, DelegateExecution execution, Map<String, ?> extra,
          List<MailAttachment> attachments) {
        if (!off("mail")) {
          super.send(to, template, execution, extra, attachments);
        }
      }
    };
  }

  @Bean
  @Primary
  TicketRegister ablatableTicketRegister(SupportTicketRepository repository, JdbcTemplate jdbc) {
    return new TicketRegister(repository, jdbc) {
      @Override
      public void set(String ticketNumber, Map<String, ?> columns) {
        if (!off("register")) {
          super.set(ticketNumber, columns);
        }
      }

      @Override
      public boolean setIf(String ticketNumber, String column, Object expected, Map<String, ?> columns) {
        return off("register") || super.setIf(ticketNumber, column, expected, columns);
      }
    };
  }
}
