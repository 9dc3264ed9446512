package org.mesadeayuda.attachments;

import org.mesadeayuda.platform.WebappSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.mesadeayuda.platform.CalendarProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page a support-request task form links to ("Ver adjuntos"): the case's documents and, for those who may add
 * some, an upload form. Same login as Tasklist (the webapps' session), so nobody signs in twice; the upload form
 * carries a token kept in the session (synchronizer token), so another site cannot post a file on someone's behalf.
 */
@Controller
@RequestMapping(AttachmentPage.PATH + "/{caseNumber}")
class AttachmentPage {

  static final String PATH = "/mesa/adjuntos";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_SESSION_KEY = AttachmentPage.class.getName() + ".csrf";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final Attachments attachments;
  private final AttachmentProperties properties;
  private final IdentityService identityService;
  private final String engineName;
  private final ZoneId zone;

  AttachmentPage(Attachments attachments, AttachmentProperties properties, ProcessEngine processEngine,
      CalendarProperties calendar) {
    this.attachments = attachments;
    this.properties = properties;
    this.identityService = processEngine.getIdentityService();
    this.engineName = processEngine.getName();
    this.zone = calendar.zone();
  }

  /** A row of the page's table. */
  record Row(long id, String fileName, String type, String size, String uploadedBy, String uploadedAt) {}

  static class NotSignedInException extends RuntimeException {}

  static class ForgedRequestException extends RuntimeException {}

  @GetMapping
  String page(@PathVariable String caseNumber, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    Person person = signedIn(request);
    headers(response);
    Attachments.Permissions permissions = attachments.permissions(caseNumber, person);
    List<Row> rows = attachments.list(caseNumber, person).stream().map(attachment -> new Row(attachment.id(),
        attachment.fileName(), typeLabel(attachment.contentType()),
        Attachments.readable(org.springframework.util.unit.DataSize.ofBytes(attachment.size())),
        attachment.uploadedBy(), WHEN.format(attachment.uploadedAt().atZone(zone)))).toList();
    model.addAttribute("caseNumber", caseNumber);
    model.addAttribute("attachments", rows);
    model.addAttribute("mayUpload", permissions.mayUpload());
    model.addAttribute("open", permissions.open());
    model.addAttribute("user", person.userId());
    model.addAttribute("allowedTypes", properties.allowedForPeople());
    model.addAttribute("accept", accept());
    model.addAttribute("maxFileSize", Attachments.readable(properties.maxFileSize()));
    model.addAttribute("maxTotal", Attachments.readable(properties.maxTotalPerCase()));
    model.addAttribute("csrfField", CSRF_FIELD);
    model.addAttribute("csrfToken", csrfToken(request.getSession()));
    return "attachments/case";
  }

  @PostMapping(consumes = "multipart/form-data")
  String upload(@PathVariable String caseNumber, @RequestParam(name = CSRF_FIELD, required = false) String token,
      @RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
      RedirectAttributes redirect) throws IOException {
    Person person = signedIn(request);
    if (!sameToken(request.getSession(false), token)) {
      throw new ForgedRequestException();
    }
    if (file == null || file.isEmpty()) {
      throw new AttachmentRefusedException(HttpStatus.BAD_REQUEST, "elija un archivo para adjuntar");
    }
    Attachment added = attachments.add(caseNumber, person, file.getOriginalFilename(), file.getBytes());
    redirect.addFlashAttribute("added", added.fileName());
    // after a post, a redirect: reloading the page never sends the file twice
    return "redirect:" + PATH + "/" + caseNumber;
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id,
      HttpServletRequest request) {
    return AttachmentDownloads.response(attachments.download(caseNumber, id, signedIn(request)));
  }

  @ExceptionHandler(AttachmentRefusedException.class)
  ModelAndView refused(AttachmentRefusedException e, HttpServletRequest request, HttpServletResponse response) {
    return message(e.status(), e.getMessage(), request, response);
  }

  @ExceptionHandler(Attachments.CaseNotVisibleException.class)
  ModelAndView notVisible(Attachments.CaseNotVisibleException e, HttpServletRequest request,
      HttpServletResponse response) {
    return message(HttpStatus.NOT_FOUND, e.getMessage(), request, response);
  }

  @ExceptionHandler(NotSignedInException.class)
  ModelAndView notSignedIn(HttpServletRequest request, HttpServletResponse response) {
    return message(HttpStatus.UNAUTHORIZED, "inicie sesión en Tasklist y vuelva a abrir el enlace de la tarea",
        request, response);
  }

  @ExceptionHandler(ForgedRequestException.class)
  ModelAndView forged(HttpServletRequest request, HttpServletResponse response) {
    return message(HttpStatus.FORBIDDEN, "el formulario caducó o no salió de esta página; vuelva a abrirla e "
        + "intente de nuevo", request, response);
  }

  private ModelAndView message(HttpStatus status, String reason, HttpServletRequest request,
      HttpServletResponse response) {
    headers(response);
    ModelAndView page = new ModelAndView("attachments/refused", status);
    page.addObject("reason", reason);
    page.addObject("back", request.getRequestURI().substring(request.getContextPath().length()));
    return page;
  }

  /** The user signed in to the webapps in this browser, with their groups as the identity service has them now. */
  private Person signedIn(HttpServletRequest request) {
    String userId = WebappSession.userId(request, engineName, identityService)
        .orElseThrow(NotSignedInException::new);
    // read again rather than the session's copy: a role taken away counts at once
    List<Group> groups = identityService.createGroupQuery().groupMember(userId).list();
    return new Person(userId, new HashSet<>(groups.stream().map(Group::getId).toList()));
  }

  private static String csrfToken(HttpSession session) {
    Object token = session.getAttribute(CSRF_SESSION_KEY);
    if (token instanceof String existing) {
      return existing;
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String created = HexFormat.of().formatHex(random);
    session.setAttribute(CSRF_SESSION_KEY, created);
    return created;
  }

  private static boolean sameToken(HttpSession session, String token) {
    Object expected = session == null ? null : session.getAttribute(CSRF_SESSION_KEY);
    return expected instanceof String value && token != null
        && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private String accept() {
    return String.join(",", properties.allowed().stream()
        .flatMap(type -> type.extensions().stream().map(extension -> "." + extension)).sorted().toList());
  }

  private static String typeLabel(String contentType) {
    for (FileType type : FileType.values()) {
      if (type.contentType().equals(contentType)) {
        return type.label();
      }
    }
    return contentType;
  }

  /** Pages of people's cases: never cached, never framed by another site, never sniffed. */
  private static void headers(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'");
    response.setHeader("Referrer-Policy", "same-origin");
  }
}
