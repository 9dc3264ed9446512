package org.mesadeayuda.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Response headers of our API and Camunda's REST API, set before anything else answers (also on a 401):
 * {@code X-Content-Type-Options: nosniff} so a browser never runs a JSON answer as a script or page, and
 * {@code Cache-Control: no-store} so no proxy or browser cache keeps a case, a register or an identifier.
 *
 * <p>With {@code mesa.security.tls: true} (environment variable {@code MESA_TLS}), for installations served over
 * HTTPS (directly or behind a proxy that terminates TLS), every response also carries {@code Strict-Transport-Security}
 * and the session and CSRF cookies are {@code Secure} (application.yaml passes the same property to Tomcat and to
 * Camunda's webapps). Off by default: over plain HTTP a Secure cookie is never sent back, and nobody could log in.
 */
@Configuration
public class SecurityHeaders {

  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Bean
  FilterRegistrationBean<ApiHeaders> apiHeaders(@Value("${mesa.security.tls:false}") boolean tls) {
    FilterRegistrationBean<ApiHeaders> registration = new FilterRegistrationBean<>(new ApiHeaders(tls));
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    // before the authentication filters, so their 401 carries the headers too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setAsyncSupported(true);
    return registration;
  }

  static class ApiHeaders extends OncePerRequestFilter {
    private final boolean tls;

    ApiHeaders(boolean tls) {
      this.tls = tls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (tls) {
        response.setHeader("Strict-Transport-Security", HSTS);
      }
      if (isApi(path)) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        // Camunda's REST resources set their own Cache-Control ("no-cache", which still lets a cache store it)
        chain.doFilter(request, new KeepCacheControl(response));
      } else {
        chain.doFilter(request, response);
      }
    }

    static boolean isApi(String path) {
      return under(path, SecurityConfiguration.OWN_API_PATH) || under(path, SecurityConfiguration.ENGINE_REST_PATH);
    }

    private static boolean under(String path, String root) {
      return path.equals(root) || path.startsWith(root + "/");
    }
  }

  /** A response whose Cache-Control stays what this filter set. */
  static class KeepCacheControl extends HttpServletResponseWrapper {
    KeepCacheControl(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"Cache-Control".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"Cache-Control".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }
  }
}

