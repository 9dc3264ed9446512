package org.mesadeayuda.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * README "Backup and restore": the scripts in {@code src/deploy/} copy a running application's database and put the copy
 * into an empty database, which then holds the same cases (engine), registers (ticket register) and attachments. The
 * packaged jar runs as in production (job executor on); profile {@code ops}: {@code ./mvnw -Pops verify}.
 */
class BackupRestoreOpsIT {

  static final String ADMIN_PASSWORD = "Admin-ops-clave-1";
  static final Path OUT = Path.of("target/ops");
  static final Path JAR = Path.of(System.getProperty("ops.jar", "target/mesa-de-ayuda-0.1.0-SNAPSHOT.jar"));
  static final Path PG_BIN = Path.of(System.getProperty("ops.pgBin", "/usr/lib/postgresql/15/bin"));

  /** What must survive: every case, register row and attachment, as rows that compare equal. */
  static final Map<String, String> FINGERPRINT = new LinkedHashMap<>();

  static {
    FINGERPRINT.put("process instances", "SELECT BUSINESS_KEY_, PROC_DEF_KEY_, STATE_, END_TIME_ FROM ACT_HI_PROCINST"
        + " ORDER BY BUSINESS_KEY_, PROC_DEF_KEY_");
    FINGERPRINT.put("open tasks", "SELECT t.NAME_, t.TASK_DEF_KEY_, e.BUSINESS_KEY_ FROM ACT_RU_TASK t JOIN"
        + " ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ ORDER BY e.BUSINESS_KEY_, t.TASK_DEF_KEY_");
    FINGERPRINT.put("variables", "SELECT v.NAME_, v.TEXT_, e.BUSINESS_KEY_ FROM ACT_RU_VARIABLE v JOIN ACT_RU_EXECUTION e"
        + " ON e.ID_ = v.PROC_INST_ID_ WHERE v.TEXT_ IS NOT NULL ORDER BY e.BUSINESS_KEY_, v.NAME_, v.TEXT_");
    FINGERPRINT.put("ticket register", "SELECT ticket_number, requester_email, request_type, priority, sla_status,"
        + " opened_at FROM support_ticket ORDER BY ticket_number");
    FINGERPRINT.put("attachments", "SELECT case_number, file_name, size_bytes, sha256 FROM attachment"
        + " ORDER BY case_number, file_name");
    FINGERPRINT.put("schema history", "SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\""
        + " ORDER BY \"installed_rank\"");
  }

  @Test
  void h2_aCopyTakenWhileRunningRestoresIntoAnEmptyDataDirectory() throws Exception {
    Path work = fresh("h2");
    Path backups = work.resolve("backups");
    ClusterNode node = node("h2");
    Map<String, String> environment = Map.of("MESA_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "MESA_BACKUP_DIR", backups.toAbsolutePath().toString(), "MESA_MAIL_HOST", "127.0.0.1",
        "MESA_MAIL_PORT", "1");
    node.start(JAR, environment, List.of(), null, work);
    List<String> cases;
    String copy;
    try {
      node.awaitReady(Duration.ofMinutes(15));
      cases = openCasesWithAttachments(node);
      awaitRegistered(node, cases);
      // the script, as cron would run it, against the running application
      String output = run(Map.of("MESA_URL", "http://127.0.0.1:" + node.port, "MESA_BACKUP_USER", "admin",
          "MESA_BACKUP_PASSWORD", ADMIN_PASSWORD, "MESA_BACKUP_DIR", backups.toString()),
          Path.of("src/deploy/backup-h2.sh").toAbsolutePath().toString());
      copy = ClusterNode.JSON.readTree(output.lines().findFirst().orElseThrow()).path("file").asText();
      assertThat(Path.of(copy)).exists();
    } finally {
      node.stop();
    }
    Map<String, List<List<String>>> original = fingerprint(
        "jdbc:h2:file:" + work.toAbsolutePath().resolve("data/mesa-de-ayuda") + ";IFEXISTS=TRUE", "sa", "");

    Path restored = work.resolve("restored-data");
    run(Map.of(), Path.of("src/deploy/restore-h2.sh").toAbsolutePath().toString(), copy, restored.toString());
    Map<String, List<List<String>>> copied = fingerprint(
        "jdbc:h2:file:" + restored.toAbsolutePath().resolve("mesa-de-ayuda") + ";IFEXISTS=TRUE", "sa", "");
    assertSame(original, copied, cases);
  }

  @Test
  void postgres_aDumpRestoresIntoAnEmptyDatabase() throws Exception {
    Path work = fresh("pg");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
      ClusterNode node = node("pg");
      Map<String, String> environment = Map.of("MESA_ADMIN_PASSWORD", ADMIN_PASSWORD,
          "MESA_DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "MESA_DB_USER", "postgres",
          "MESA_DB_PASSWORD", "", "MESA_MAIL_HOST", "127.0.0.1", "MESA_MAIL_PORT", "1");
      Map<String, String> libpq = Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(postgres.getPort()),
          "PGUSER", "postgres", "PG_BIN", PG_BIN.toString(), "MESA_BACKUP_DIR", work.resolve("backups").toString());
      node.start(JAR, environment, List.of(), "postgres", null);
      List<String> cases;
      String copy;
      try {
        node.awaitReady(Duration.ofMinutes(15));
        cases = openCasesWithAttachments(node);
        awaitRegistered(node, cases);
        Map<String, String> dump = new HashMap<>(libpq);
        dump.put("PGDATABASE", "postgres");
        copy = run(dump, Path.of("src/deploy/backup-postgres.sh").toAbsolutePath().toString()).lines().findFirst()
            .orElseThrow();
      } finally {
        node.stop();
      }
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Map<String, List<List<String>>> original = fingerprint(url, "postgres", "");
      try (Connection connection = DriverManager.getConnection(url, "postgres", "");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE restaurada");
      }
      run(libpq, Path.of("src/deploy/restore-postgres.sh").toAbsolutePath().toString(), copy, "restaurada");
      Map<String, List<List<String>>> copied = fingerprint(postgres.getJdbcUrl("postgres", "restaurada"),
          "postgres", "");
      assertSame(original, copied, cases);
      // a second restore into a database that is not empty is refused
      ProcessBuilder again = new ProcessBuilder(Path.of("src/deploy/restore-postgres.sh").toAbsolutePath().toString(),
          copy, "restaurada").redirectErrorStream(true);
      again.environment().putAll(libpq);
      Process refused = again.start();
      String refusal = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(refused.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(refused.exitValue()).isNotZero();
      assertThat(refusal).contains("is not empty");
    }
  }

  private static void assertSame(Map<String, List<List<String>>> original, Map<String, List<List<String>>> copied,
      List<String> cases) {
    assertThat(original.get("ticket register")).hasSizeGreaterThanOrEqualTo(cases.size());
    assertThat(original.get("attachments")).hasSize(cases.size());
    assertThat(original.get("open tasks")).isNotEmpty();
    original.forEach((what, rows) -> assertThat(copied.get(what)).as(what).isEqualTo(rows));
  }

  /** Two support requests by API, each with a PDF attached by the administrator (the desk may attach to any case). */
  static List<String> openCasesWithAttachments(ClusterNode node) throws Exception {
    List<String> cases = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      Map<String, Object> request = new HashMap<>();
      request.put("requesterName", "Persona " + i);
      request.put("requesterEmail", "persona" + i + "@institucion.gob");
      request.put("requesterPhone", "5555-010" + i);
      request.put("department", "operaciones");
      request.put("channel", "email");
      request.put("requestType", "equipment_failure");
      request.put("description", "El equipo " + i + " no enciende");
      request.put("assetTag", "INV-010" + i);
      request.put("impact", "medium");
      request.put("urgency", "medium");
      String number = node.post("/api/support-requests", request, 201).path("ticketNumber").asText();
      cases.add(number);
      HttpResponse<String> upload = upload(node, number, "informe-" + i + ".pdf",
          ("%PDF-1.4\n% documento " + i + "\n" + "x".repeat(500 * i) + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    }
    return cases;
  }

  /** The register row is written by the first asynchronous step: wait for the job executor to take it. */
  static void awaitRegistered(ClusterNode node, List<String> cases) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> jobs = node.send("GET", "/engine-rest/job/count?messages=true", null);
      HttpResponse<String> tasks = node.send("GET", "/engine-rest/task/count", null);
      if (ClusterNode.JSON.readTree(jobs.body()).path("count").asInt() == 0
          && ClusterNode.JSON.readTree(tasks.body()).path("count").asInt() >= cases.size()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the cases' first steps did not run");
  }

  static HttpResponse<String> upload(ClusterNode node, String caseNumber, String name, byte[] content)
      throws IOException, InterruptedException {
    String boundary = "mesa" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/api/cases/"
            + caseNumber + "/attachments"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, List<List<String>>> fingerprint(String url, String user, String password) throws Exception {
    Map<String, List<List<String>>> result = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      for (Map.Entry<String, String> query : FINGERPRINT.entrySet()) {
        String sql = query.getValue();
        if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
          sql = sql.replace("\"version\"", "version").replace("\"checksum\"", "checksum")
              .replace("\"flyway_schema_history\"", "flyway_schema_history")
              .replace("\"installed_rank\"", "installed_rank");
        }
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet set = statement.executeQuery(sql)) {
          int columns = set.getMetaData().getColumnCount();
          while (set.next()) {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= columns; c++) {
              row.add(set.getString(c));
            }
            rows.add(row);
          }
        }
        result.put(query.getKey(), rows);
      }
    }
    return result;
  }

  static String run(Map<String, String> environment, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    return output;
  }

  static ClusterNode node(String name) throws IOException {
    Files.createDirectories(OUT);
    Files.deleteIfExists(OUT.resolve(name + ".log"));
    return new ClusterNode(name, freePort(), ADMIN_PASSWORD, OUT);
  }

  static Path fresh(String name) throws IOException {
    Path work = OUT.resolve(name).toAbsolutePath();
    if (Files.exists(work)) {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    Files.createDirectories(work);
    return work;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
