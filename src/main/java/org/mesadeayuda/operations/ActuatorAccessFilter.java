package org.mesadeayuda.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator's endpoints with the application's own accounts (HTTP Basic, checked by the engine's identity
 * service: the database or the directory). {@code /actuator/health} answers anybody with its status only (load
 * balancers, systemd); its details and every other endpoint ({@code prometheus}, {@code info}) need a member of
 * {@code mesa.metrics.groups}: the administrators and the monitoring account's group ({@code monitoreo}).
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

  private static final String REALM = "Basic realm=\"Mesa de Ayuda (monitoreo)\"";

  private final IdentityService identityService;
  private final Set<String> allowedGroups;

  ActuatorAccessFilter(IdentityService identityService, List<String> allowedGroups) {
    this.identityService = identityService;
    this.allowedGroups = Set.copyOf(allowedGroups);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String health = request.getContextPath() + "/actuator/health";
    boolean open = request.getRequestURI().equals(health) || request.getRequestURI().startsWith(health + "/");
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      if (open) {
        chain.doFilter(request, response);
      } else {
        challenge(response);
      }
      return;
    }
    String[] credentials = decode(header.substring(6).trim());
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      challenge(response);
      return;
    }
    String user = credentials[0];
    Set<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
    boolean allowed = groups.stream().anyMatch(allowedGroups::contains);
    if (!allowed && !open) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(new AuthenticatedRequest(request, user, allowed), response);
  }

  private static String[] decode(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static void challenge(HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", REALM);
    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
  }

  /** The actuator's "when-authorized" health details ask the request whether its user holds the role "monitoring". */
  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final Principal principal;
    private final boolean monitoring;

    AuthenticatedRequest(HttpServletRequest request, String user, boolean monitoring) {
      super(request);
      this.principal = () -> user;
      this.monitoring = monitoring;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public String getRemoteUser() {
      return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
      return monitoring && OperationsConfiguration.MONITORING_ROLE.equals(role);
    }
  }
}
