package org.mesadeayuda.software;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.mesadeayuda.platform.Labels;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The software catalogue as the requester reads it beside the start form's "Software" field (issue 16): what may be
 * asked for, under which licence, and what is prohibited and why. Anyone signed in to Tasklist may read it; changing
 * it stays with the Technology Director ({@code /api/software}).
 */
@Controller
@RequestMapping(SoftwareCataloguePage.PATH)
class SoftwareCataloguePage {

  static final String PATH = "/mesa/software";

  private final SoftwareRepository catalogue;
  private final LicenceRegister register;
  private final IdentityService identityService;
  private final String engineName;

  SoftwareCataloguePage(SoftwareRepository catalogue, LicenceRegister register, ProcessEngine processEngine) {
    this.catalogue = catalogue;
    this.register = register;
    this.identityService = processEngine.getIdentityService();
    this.engineName = processEngine.getName();
  }

  /** A row of the page: the name to type and what a request for it meets. */
  record Row(String name, String publisher, String licence, String availability, boolean prohibited) {}

  @GetMapping
  String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    signedIn(request);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'");
    List<Row> rows = catalogue.findAll().stream()
        .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
        .map(this::row).toList();
    model.addAttribute("allowed", rows.stream().filter(row -> !row.prohibited()).toList());
    model.addAttribute("prohibited", rows.stream().filter(Row::prohibited).toList());
    return "software/catalogue";
  }

  private Row row(Software software) {
    boolean prohibited = Software.PROHIBITED.equals(software.licenceType());
    String availability;
    if (prohibited) {
      availability = software.prohibitedReason() == null ? "" : software.prohibitedReason();
    } else if (Software.FREE.equals(software.licenceType())) {
      availability = "No requiere licencia; la Dirección de Tecnología lo revisa antes de instalarlo";
    } else {
      int free = register.freeSeats(software.id());
      availability = free > 0 ? free + " licencia(s) libre(s)" + (software.preApproved() ? ", preaprobado" : "")
          : "Sin licencias libres: el Director de Tecnología decide la compra";
    }
    return new Row(software.name(), software.publisher() == null ? "" : software.publisher(),
        Labels.code("licenceType", software.licenceType()), availability, prohibited);
  }

  private void signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)
        || identityService.createUserQuery().userId(user.getIdentityId()).count() == 0) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "inicie sesión en Tasklist");
    }
  }
}
