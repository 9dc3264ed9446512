package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Headers of our API and Camunda's REST API; HSTS and Secure cookies when the installation is behind TLS. */
@MesaSpringTest
class SecurityHeadersTest {

  @Autowired TestRestTemplate http;

  @Test
  void everyApiAnswerForbidsSniffingAndCaching() {
    TestRestTemplate admin = http.withBasicAuth(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD);
    for (ResponseEntity<String> answer : new ResponseEntity[] {
        admin.getForEntity("/api/assets", String.class),
        admin.getForEntity("/engine-rest/task", String.class),
        admin.getForEntity("/engine-rest/task/no-such-task", String.class),
        http.getForEntity("/api/assets", String.class),
        http.getForEntity("/engine-rest/task", String.class)}) {
      HttpHeaders headers = answer.getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).as(answer.getStatusCode().toString())
          .isEqualTo("nosniff");
      assertThat(headers.getCacheControl()).as(answer.getStatusCode().toString()).isEqualTo("no-store");
      // off by default: over plain HTTP there is no TLS to insist on
      assertThat(headers.containsKey("Strict-Transport-Security")).isFalse();
    }
  }

  @Test
  void behindTlsEveryAnswerInsistsOnHttps() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityHeaders.ApiHeaders(true).doFilter(new MockHttpServletRequest("GET", "/camunda/app/tasklist/"),
        response, new MockFilterChain());
    assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo(SecurityHeaders.HSTS);
    assertThat(response.getHeader("Cache-Control")).isNull();

    MockHttpServletResponse plain = new MockHttpServletResponse();
    new SecurityHeaders.ApiHeaders(false).doFilter(new MockHttpServletRequest("GET", "/api/assets"), plain,
        new MockFilterChain());
    assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
    assertThat(plain.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void oneSettingMakesEveryCookieSecure() throws Exception {
    for (String tls : new String[] {"true", "false"}) {
      StandardEnvironment environment = new StandardEnvironment();
      new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
          .forEach(source -> environment.getPropertySources().addLast(source));
      environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of("MESA_TLS", tls)));

      assertThat(environment.getProperty("mesa.security.tls")).isEqualTo(tls);
      assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo(tls);
      assertThat(environment.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo(tls);
      assertThat(environment.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo(tls);
    }
  }
}
