package org.mesadeayuda.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser, signed in to Tasklist or not, as people reach the portal: session cookie, forms posted as forms. */
class PortalBrowser {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");

  final int port;
  final CookieManager cookies = new CookieManager();
  final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  PortalBrowser(int port) {
    this.port = port;
  }

  static PortalBrowser signedIn(int port, String user, String password) throws Exception {
    PortalBrowser browser = new PortalBrowser(port);
    browser.client.send(HttpRequest.newBuilder(browser.uri("/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpRequest.Builder login = HttpRequest.newBuilder(
        browser.uri("/camunda/api/admin/auth/user/default/login/tasklist"));
    browser.cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
        .map(HttpCookie::getValue).reduce((first, last) -> last)
        .ifPresent(token -> login.header("X-XSRF-TOKEN", token));
    HttpResponse<String> answer = browser.client.send(login
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("Tasklist login: " + answer.body()).isEqualTo(200);
    return browser;
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
    return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String csrf(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("the form carries a token").isTrue();
    return matcher.group(1);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
