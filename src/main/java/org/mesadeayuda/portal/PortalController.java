package org.mesadeayuda.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mesadeayuda.attachments.Attachment;
import org.mesadeayuda.attachments.Attachments;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.FormFeel;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.UserProfiles;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Mis solicitudes": a member of staff's requests of every procedure, each one's story, and a new support request,
 * under {@code /portal/}, with the webapps' login ({@link PortalSession}). Everybody sees only her own requests; the
 * desk opens anybody's ({@code ?solicitante=}). A new request starts the support-request process as Tasklist's start
 * form and the API do, so the engine's start check decides what is missing; the portal repeats none of its rules.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

  static final String SUPPORT_REQUEST = "support-request";
  /** Filled by the portal, not asked: she is the requester, and the request arrives through the web. */
  private static final Map<String, String> NOT_ASKED = Map.of("channel", "web");

  private final PortalSession session;
  private final MyRequests requests;
  private final Attachments attachments;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final FeelEngine feel;
  private final UserProfiles userProfiles;

  PortalController(PortalSession session, MyRequests requests, Attachments attachments, ProcessEngine engine,
      JdbcClient jdbc, UserProfiles userProfiles) {
    this.session = session;
    this.userProfiles = userProfiles;
    this.requests = requests;
    this.attachments = attachments;
    this.historyService = engine.getHistoryService();
    this.runtimeService = engine.getRuntimeService();
    this.identityService = engine.getIdentityService();
    this.jdbc = jdbc;
    this.feel = FormFeel.INSTANCE;
  }

  static class ForbiddenException extends RuntimeException {
    ForbiddenException(String message) {
      super(message);
    }
  }

  @GetMapping({"", "/"})
  String list(@RequestParam(name = "estado", defaultValue = "abiertas") String state,
      @RequestParam(name = "numero", required = false) String number,
      @RequestParam(name = "solicitante", required = false) String requester, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Viewer viewer = session.viewer(request);
    PortalPages.headers(response);
    String whose = whose(viewer, requester);
    Boolean open = switch (state) {
      case "cerradas" -> Boolean.FALSE;
      case "todas" -> null;
      default -> Boolean.TRUE;
    };
    String search = number == null ? "" : number.trim();
    List<MyRequests.Row> rows = requests.list(whose, search.isEmpty() ? open : null).stream()
        .filter(row -> search.isEmpty() || row.number().toUpperCase(Locale.ROOT)
            .contains(search.toUpperCase(Locale.ROOT)))
        .toList();
    model.addAttribute("viewer", viewer);
    model.addAttribute("desk", viewer.isDesk());
    model.addAttribute("whose", whose);
    model.addAttribute("whoseName", displayName(whose));
    model.addAttribute("own", whose.equals(viewer.userId()));
    model.addAttribute("state", search.isEmpty() ? state : "todas");
    model.addAttribute("number", search);
    model.addAttribute("rows", rows);
    model.addAttribute("query", whose.equals(viewer.userId()) ? "" : "solicitante=" + encode(whose));
    return "portal/list";
  }

  @GetMapping("/solicitudes/{caseNumber}")
  String detail(@PathVariable String caseNumber, @RequestParam(name = "registrada", required = false) String created,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Viewer viewer = session.viewer(request);
    PortalPages.headers(response);
    HistoricProcessInstance root = visibleCase(viewer, caseNumber);
    String requester = requests.requesterOf(root);
    MyRequests.Detail detail = requests.detail(root, requester);
    List<Attachment> documents;
    try {
      documents = attachments.list(caseNumber, viewer.person());
    } catch (Attachments.CaseNotVisibleException notTheirs) {
      documents = List.of();
    }
    model.addAttribute("viewer", viewer);
    model.addAttribute("own", requester != null && requester.equals(viewer.userId()));
    model.addAttribute("requester", requester);
    model.addAttribute("detail", detail);
    model.addAttribute("attachments", documents.stream().map(attachment -> new Document(attachment.id(),
        attachment.fileName(), attachment.uploadedBy(), requests.format(java.util.Date.from(attachment.uploadedAt()))))
        .toList());
    model.addAttribute("created", created != null);
    return "portal/detail";
  }

  record Document(long id, String fileName, String uploadedBy, String uploadedAt) {}

  @GetMapping("/nueva")
  String newRequest(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Viewer viewer = session.viewer(request);
    PortalPages.headers(response);
    Map<String, Object> values = profile(viewer);
    Optional.ofNullable(params.getFirst("requestType")).filter(type -> !type.isBlank())
        .ifPresent(type -> values.put("requestType", type));
    return form(viewer, values, Map.of(), null, request, model);
  }

  @PostMapping("/nueva")
  String submit(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Viewer viewer = session.viewer(request);
    session.checkCsrf(request, params.getFirst(PortalSession.CSRF_FIELD));
    PortalPages.headers(response);
    StartForm form = startForm();
    Map<String, Object> values = new HashMap<>();
    for (StartForm.Component field : form.components()) {
      if (!field.isField() || !field.editable() || NOT_ASKED.containsKey(field.key())
          || MyRequests.REQUESTER.equals(field.key())) {
        continue;
      }
      String value = params.getFirst(field.key());
      if ("checkbox".equals(field.type())) {
        values.put(field.key(), value != null);
      } else if (value != null && !value.isBlank()) {
        values.put(field.key(), value.strip());
      }
    }
    if (params.containsKey("actualizar")) {
      return form(viewer, values, Map.of(), null, request, model);
    }
    // what the form hides for these answers is not sent, as Tasklist does not send it
    Map<String, Object> shown = new HashMap<>(values);
    form.components().stream().filter(StartForm.Component::isField)
        .filter(field -> form.hidden(field, values, feel)).forEach(field -> shown.remove(field.key()));
    shown.putAll(NOT_ASKED);
    shown.put(MyRequests.REQUESTER, viewer.userId());
    identityService.setAuthentication(viewer.userId(), List.copyOf(viewer.groups()));
    ProcessInstance started;
    InvalidInputException refused = null;
    try {
      started = runtimeService.createProcessInstanceByKey(SUPPORT_REQUEST).setVariables(shown).execute();
    } catch (InvalidInputException refusal) {
      started = null;
      refused = refusal;
    } catch (AuthorizationException notAllowed) {
      throw new ForbiddenException("su usuario no puede registrar solicitudes de soporte; pida acceso a la Mesa "
          + "de Ayuda");
    } finally {
      identityService.clearAuthentication();
    }
    if (refused != null) {
      // shown again as the portal lays the form out, not as the engine serves it to the signed-in person in Tasklist
      Map<String, String> problems = new LinkedHashMap<>();
      String general = null;
      for (FieldProblem problem : refused.problems()) {
        if (problem.field() == null || form.field(problem.field()).isEmpty()) {
          general = general == null ? problem.reason() : general + " " + problem.reason();
        } else {
          problems.merge(problem.field(), problem.reason(), (first, second) -> first + "; " + second);
        }
      }
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return form(viewer, values, problems, general, request, model);
    }
    return "redirect:/portal/solicitudes/" + encode(started.getBusinessKey()) + "?registrada";
  }

  private String form(Viewer viewer, Map<String, Object> values, Map<String, String> problems, String general,
      HttpServletRequest request, Model model) {
    StartForm form = startForm();
    List<PortalPages.Field> fields = form.components().stream()
        .filter(component -> !form.hidden(component, values, feel))
        .filter(component -> !component.isField() || component.editable() && !NOT_ASKED.containsKey(component.key())
            && !MyRequests.REQUESTER.equals(component.key()))
        .map(component -> component.isField()
            ? PortalPages.Field.of(component, values.get(component.key()), problems.get(component.key()))
            : PortalPages.Field.of(component, null, null))
        .toList();
    model.addAttribute("viewer", viewer);
    model.addAttribute("fields", fields);
    // the answers other questions depend on: the page's script asks for the form again when one changes
    model.addAttribute("refresh", String.join(",", form.components().stream().filter(StartForm.Component::isField)
        .map(StartForm.Component::key).filter(key -> form.components().stream()
            .anyMatch(other -> other.hideWhen() != null
                && Pattern.compile("\\b" + Pattern.quote(key) + "\\b")
                    .matcher(other.hideWhen()).find()))
        .distinct().toList()));
    model.addAttribute("problems", problems);
    // the summary names each field, so a screen reader's list of refusals says where to go
    model.addAttribute("summary", problems.entrySet().stream().map(problem -> Map.entry(problem.getKey(),
        form.field(problem.getKey()).map(StartForm.Component::label).orElse(problem.getKey()) + ": "
            + problem.getValue())).toList());
    model.addAttribute("general", general);
    model.addAttribute("csrfField", PortalSession.CSRF_FIELD);
    model.addAttribute("csrfToken", session.csrfToken(request));
    return "portal/new";
  }

  private StartForm startForm() {
    ProcessDefinition definition = requests.latest(SUPPORT_REQUEST);
    return requests.startForm(definition.getId())
        .orElseThrow(() -> new IllegalStateException("the support request has no start form"));
  }

  /**
   * What her profile says (name, e-mail, department: the engine sets them from it anyway, issue 16), and what she
   * wrote in her last request (phone; department while her profile has none), to start from.
   */
  private Map<String, Object> profile(Viewer viewer) {
    Map<String, Object> values = new HashMap<>();
    values.put("requesterName", viewer.fullName());
    if (viewer.email() != null && !viewer.email().isBlank()) {
      values.put("requesterEmail", viewer.email());
    }
    userProfiles.department(viewer.userId()).ifPresent(department -> values.put("department", department));
    jdbc.sql("SELECT department, requester_phone FROM support_ticket WHERE requester_user_id = ? "
        + "ORDER BY opened_at DESC").param(viewer.userId())
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list().stream().findFirst()
        .ifPresent(last -> {
          if (last[0] != null) {
            values.putIfAbsent("department", last[0]);
          }
          if (last[1] != null) {
            values.put("requesterPhone", last[1]);
          }
        });
    return values;
  }

  private String whose(Viewer viewer, String requester) {
    if (requester == null || requester.isBlank() || requester.equals(viewer.userId())) {
      return viewer.userId();
    }
    if (!viewer.isDesk()) {
      throw new ForbiddenException("solo puede ver sus propias solicitudes");
    }
    return requester.trim();
  }

  private HistoricProcessInstance visibleCase(Viewer viewer, String caseNumber) {
    if (viewer.isDesk()) {
      return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .rootProcessInstances().list().stream()
          .filter(instance -> requests.isRequest(instance)).findFirst()
          .orElseThrow(() -> new NotFoundException("no hay ninguna solicitud con el número " + caseNumber));
    }
    // the same answer whether the case exists or not: nobody learns about other people's cases
    return requests.hers(caseNumber, viewer.userId())
        .orElseThrow(() -> new ForbiddenException("la solicitud " + caseNumber + " no está entre las suyas"));
  }

  static class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
      super(message);
    }
  }

  private String displayName(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : PortalSession.fullName(user);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @ExceptionHandler(PortalSession.NotSignedInException.class)
  ModelAndView notSignedIn(HttpServletResponse response) {
    return PortalPages.message(response, HttpStatus.UNAUTHORIZED, "Inicie sesión",
        "Para ver sus solicitudes, inicie sesión en Tasklist con su usuario y vuelva a abrir esta página.", true);
  }

  @ExceptionHandler(PortalSession.ForgedRequestException.class)
  ModelAndView forged(HttpServletResponse response) {
    return PortalPages.message(response, HttpStatus.FORBIDDEN, "Formulario vencido",
        "El formulario caducó o no salió de esta página; vuelva a abrirlo e intente de nuevo.", false);
  }

  @ExceptionHandler(ForbiddenException.class)
  ModelAndView forbidden(ForbiddenException e, HttpServletResponse response) {
    return PortalPages.message(response, HttpStatus.FORBIDDEN, "Sin acceso", capitalized(e.getMessage()) + ".", false);
  }

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
    return PortalPages.message(response, HttpStatus.NOT_FOUND, "No encontrada", capitalized(e.getMessage()) + ".",
        false);
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
