package org.mesadeayuda.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * README "Upgrading": a database made by an earlier version, with cases open at different steps, is taken over by this
 * version's jar (Camunda's schema update and our Flyway migrations run by themselves at start) and those cases finish.
 * The earlier version is commit {@value #DEFAULT_PREVIOUS} (there is no release tag yet: the last commit of the
 * 1 December 2026 work, before the mail outbox, attachments and the schema changes V11 to V19), built from git at the
 * start of the test from the repository {@code -Dops.gitDir} (default: the working directory), or any jar given as
 * {@code -Dops.previousJar=...}. Profile {@code ops}.
 */
class UpgradeOpsIT {

  static final String DEFAULT_PREVIOUS = "92d23fb";
  static final String ADMIN_PASSWORD = BackupRestoreOpsIT.ADMIN_PASSWORD;

  @Test
  void casesOpenedByThePreviousVersionFinishAfterTheUpgrade() throws Exception {
    Path work = BackupRestoreOpsIT.fresh("upgrade");
    Path previousJar = previousJar(work);
    GreenMail mail = new GreenMail(new ServerSetup(BackupRestoreOpsIT.freePort(), null, ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try {
      Map<String, String> environment = Map.of("MESA_ADMIN_PASSWORD", ADMIN_PASSWORD, "MESA_MAIL_HOST", "127.0.0.1",
          "MESA_MAIL_PORT", Integer.toString(mail.getSmtp().getPort()));
      Path data = work.resolve("app");
      Files.createDirectories(data);

      // 1. the previous version: three cases, left at three different steps
      ClusterNode old = BackupRestoreOpsIT.node("upgrade-previous");
      List<String> cases = new ArrayList<>();
      old.start(previousJar, environment, List.of(), null, data);
      try {
        old.awaitReady(Duration.ofMinutes(15));
        createTechnician(old);
        for (int i = 0; i < 3; i++) {
          cases.add(old.post("/api/support-requests", request(i), 201).path("ticketNumber").asText());
        }
        // case 0 waits for the desk; case 1 for the technician; case 2 for the desk's closing
        advance(old, cases.get(1), 1);
        advance(old, cases.get(2), 2);
        assertThat(openTaskKeys(old, cases.get(0))).containsExactly("Task_ReviewAndAssign");
        assertThat(openTaskKeys(old, cases.get(1))).containsExactly("Task_AttendRequest");
        assertThat(openTaskKeys(old, cases.get(2))).containsExactly("Task_CloseTicket");
      } finally {
        old.stop();
      }

      // 2. this version on the same data: it migrates the schema by itself, and every case finishes
      ClusterNode current = BackupRestoreOpsIT.node("upgrade-current");
      current.start(BackupRestoreOpsIT.JAR, environment, List.of(), null, data);
      try {
        current.awaitReady(Duration.ofMinutes(15));
        for (String number : cases) {
          advance(current, number, 10);
          JsonNode finished = JSON(current.send("GET",
              "/engine-rest/history/process-instance?finished=true&processInstanceBusinessKey=" + number, null));
          assertThat(finished).as(number + " finished").isNotEmpty();
        }
      } finally {
        current.stop();
      }
    } finally {
      mail.stop();
    }
  }

  /** The previous version's jar: given, or built from its commit into target/ops/upgrade/previous. */
  static Path previousJar(Path work) throws Exception {
    String given = System.getProperty("ops.previousJar", "");
    if (!given.isBlank()) {
      return Path.of(given);
    }
    String commit = System.getProperty("ops.previousCommit", DEFAULT_PREVIOUS);
    Path source = work.resolve("previous");
    Files.createDirectories(source);
    String repository = System.getProperty("ops.gitDir", ".");
    BackupRestoreOpsIT.run(Map.of(), "bash", "-c",
        "git -C '" + repository + "' archive " + commit + " | tar -x -C '" + source + "'");
    BackupRestoreOpsIT.run(Map.of(), "bash", "-c", "cd '" + source + "' && ./mvnw -B -q -DskipTests package");
    try (var jars = Files.list(source.resolve("target"))) {
      return jars.filter(path -> path.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
  }

  static void createTechnician(ClusterNode node) throws Exception {
    node.post("/engine-rest/user/create", Map.of("profile", Map.of("id", "tomas.tecnico", "firstName", "Tomás",
        "lastName", "Técnico", "email", "tomas.tecnico@institucion.gob"),
        "credentials", Map.of("password", "Tecnico-clave-1")), 204);
    HttpResponse<String> membership = node.send("PUT", "/engine-rest/group/tecnicos/members/tomas.tecnico", null);
    assertThat(membership.statusCode()).isEqualTo(204);
  }

  /** Completes the case's open tasks, at most {@code steps} of them, waiting for the engine's steps in between. */
  static void advance(ClusterNode node, String number, int steps) throws Exception {
    for (int step = 0; step < steps; step++) {
      JsonNode tasks = awaitTasksOrEnd(node, number);
      if (tasks.isEmpty()) {
        return;
      }
      JsonNode task = tasks.get(0);
      String key = task.path("taskDefinitionKey").asText();
      // a case keeps the process and forms of the version it started in (Camunda runs every instance on its own
      // definition; forms bind to their deployment): answer what the task's own form asks, as Tasklist would
      Map<String, Object> answers = variables(key);
      answers.keySet().retainAll(formFields(node, task.path("id").asText()));
      int status = node.completeTask(task.path("id").asText(), answers);
      if (status != 204) {
        HttpResponse<String> response = node.send("GET", "/engine-rest/task/" + task.path("id").asText(), null);
        throw new AssertionError(number + ": " + key + " refused (" + status + "), task " + response.body());
      }
    }
  }

  /** The keys of the fields a user fills in the task's deployed Camunda Form (read-only fields left out). */
  static List<String> formFields(ClusterNode node, String taskId) throws Exception {
    List<String> keys = new ArrayList<>();
    collectFields(JSON(node.send("GET", "/engine-rest/task/" + taskId + "/deployed-form", null)), keys);
    return keys;
  }

  private static void collectFields(JsonNode container, List<String> keys) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key") && !component.path("readonly").asBoolean()
          && !component.path("disabled").asBoolean()) {
        keys.add(component.path("key").asText());
      }
      collectFields(component, keys);
    }
  }

  static Map<String, Object> variables(String taskKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    switch (taskKey) {
      case "Task_ReviewAndAssign" -> {
        variables.put("requestType", "equipment_support");
        variables.put("priority", "medium");
        variables.put("technician", "tomas.tecnico");
        variables.put("supportLevel", "2");
        // resourcesAvailable since V19; a case of the earlier version is reviewed with its own form, without it
        variables.put("resourcesAvailable", "yes");
      }
      case "Task_StartAttention" -> variables.put("firstContactChannel", "phone");
      case "Task_AttendRequest" -> {
        variables.put("attentionMode", "remote");
        variables.put("workDone", "Se reinstaló el controlador de video");
        variables.put("outcome", "solved");
      }
      case "Task_CloseTicket" -> {
        variables.put("closingDecision", "close");
        variables.put("deskComment", "Verificado con el solicitante");
      }
      case "Task_RateService" -> {
        // solutionVerified since V19 (SR-12 verification); the earlier form asked the rating only
        variables.put("solutionVerified", "yes");
        variables.put("satisfaction", "conforme");
        variables.put("ratingComment", "Gracias");
      }
      default -> throw new AssertionError("unexpected task " + taskKey);
    }
    return variables;
  }

  /** The case's open tasks once its asynchronous steps have run; empty when the case has ended. */
  static JsonNode awaitTasksOrEnd(ClusterNode node, String number) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      JsonNode tasks = JSON(node.send("GET", "/engine-rest/task?processInstanceBusinessKey=" + number, null));
      if (!tasks.isEmpty()) {
        return tasks;
      }
      JsonNode running = JSON(node.send("GET", "/engine-rest/process-instance?businessKey=" + number, null));
      if (running.isEmpty()) {
        return tasks;
      }
      JsonNode incidents = JSON(node.send("GET", "/engine-rest/incident?processInstanceId="
          + running.get(0).path("id").asText(), null));
      assertThat(incidents).as(number + " incidents").isEmpty();
      Thread.sleep(500);
    }
    throw new AssertionError(number + ": no task and not ended");
  }

  static List<String> openTaskKeys(ClusterNode node, String number) throws Exception {
    List<String> keys = new ArrayList<>();
    awaitTasksOrEnd(node, number).forEach(task -> keys.add(task.path("taskDefinitionKey").asText()));
    return keys;
  }

  static Map<String, Object> request(int i) {
    Map<String, Object> request = new HashMap<>();
    request.put("requesterName", "Solicitante " + i);
    request.put("requesterEmail", "solicitante" + i + "@institucion.gob");
    request.put("department", "operaciones");
    request.put("channel", "web");
    request.put("requestType", "equipment_support");
    request.put("description", "La computadora no enciende (" + i + ")");
    request.put("impact", "medium");
    request.put("urgency", "medium");
    return request;
  }

  private static JsonNode JSON(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ClusterNode.JSON.readTree(response.body());
  }
}
