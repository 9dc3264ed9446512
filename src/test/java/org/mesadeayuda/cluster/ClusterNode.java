package org.mesadeayuda.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the packaged jar in a JVM of its own, its own HTTP port, the shared PostgreSQL, its log in
 * {@code target/cluster/<name>.log}. Spoken to only through its REST APIs, with the administrator's HTTP Basic.
 */
final class ClusterNode {

  static final String ADMIN = "admin";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  final String name;
  final int port;
  private final String authorization;
  private final Path log;
  private Process process;

  ClusterNode(String name, int port, String adminPassword, Path logDirectory) {
    this.name = name;
    this.port = port;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((ADMIN + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
    this.log = logDirectory.resolve(name + ".log");
  }

  /** Starts the jar as production would: profile postgres, secrets and addresses from the environment. */
  void start(Path jar, Map<String, String> environment, List<String> arguments) throws IOException {
    start(jar, environment, arguments, "postgres", null);
  }

  /**
   * Starts the jar with the given Spring profile ({@code null}: none, the embedded H2 default) in the given working
   * directory ({@code null}: this JVM's), where the default H2 URL's {@code ./data} folder then lies.
   */
  void start(Path jar, Map<String, String> environment, List<String> arguments, String profile,
      Path workingDirectory) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-Duser.timezone=America/Guatemala",
        "-jar", jar.toAbsolutePath().toString()));
    if (profile != null) {
      command.add("--spring.profiles.active=" + profile);
    }
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    builder.environment().putAll(environment);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("MESA_NODE_NAME", name);
    process = builder.start();
  }

  /** Waits until the node answers an authenticated engine call (the administrator exists, processes deployed). */
  void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped while starting, see " + log);
      }
      try {
        HttpResponse<String> response = send("GET", "/engine-rest/process-definition/count?key=support-request",
            null);
        if (response.statusCode() == 200 && JSON.readTree(response.body()).path("count").asInt() > 0) {
          return;
        }
      } catch (IOException notYet) {
        // the port is not open yet
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ", see " + log);
  }

  /** {@code kill -9}: no shutdown hook, no transaction finished, job locks left as they are. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  File logFile() {
    return log.toFile();
  }

  HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization)
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode post(String path, Object body, int expectedStatus) throws IOException, InterruptedException {
    HttpResponse<String> response = send("POST", path, body);
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(name + " POST " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body().isBlank() ? null : JSON.readTree(response.body());
  }

  /** Completes a task through the engine's REST API, with variables typed as the forms send them. */
  int completeTask(String taskId, Map<String, Object> variables) throws IOException, InterruptedException {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    variables.forEach((key, value) -> typed.put(key, Map.of("value", value)));
    return send("POST", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed)).statusCode();
  }

  /** Suspends or activates the jobs of the support request (and those created meanwhile), on every node at once. */
  void suspendSupportRequestJobs(boolean suspended) throws IOException, InterruptedException {
    HttpResponse<String> response = send("PUT", "/engine-rest/job-definition/suspended",
        Map.of("processDefinitionKey", "support-request", "suspended", suspended, "includeJobs", true));
    if (response.statusCode() != 204) {
      throw new IllegalStateException(name + " job suspension: " + response.statusCode() + " " + response.body());
    }
  }
}
