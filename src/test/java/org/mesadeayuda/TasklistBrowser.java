package org.mesadeayuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser signed in to Tasklist: the webapps' session (cookie and XSRF token) that our own pages read (documents,
 * dashboard, attachments, portal).
 */
public class TasklistBrowser {

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  /** A browser nobody signed in to. */
  public TasklistBrowser(int port) {
    this.port = port;
  }

  public TasklistBrowser(int port, String user, String password) throws Exception {
    this(port);
    client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpRequest.Builder login = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"));
    cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
        .map(HttpCookie::getValue).reduce((first, last) -> last)
        .ifPresent(token -> login.header("X-XSRF-TOKEN", token));
    HttpResponse<String> answer = client.send(login.header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("Tasklist login: " + answer.body()).isEqualTo(200);
  }

  public HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> page(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** For a request of the test's own (an upload): it carries this browser's session. */
  public HttpClient client() {
    return client;
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path.replace(" ", "%20"));
  }
}
