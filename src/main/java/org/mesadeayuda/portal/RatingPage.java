package org.mesadeayuda.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page the "ticket finalizado" e-mail links to (SR-12): the requester says whether the problem was solved and
 * rates the service, without signing in; the one-time token in the link is the credential ({@link RatingTokens}).
 * The page never sends its address on as a referrer, so the token stays in her mailbox and her browser.
 */
@Controller
@RequestMapping("/portal/calificar/{token}")
class RatingPage {

  private final RatingTokens tokens;
  private final HistoryService historyService;
  private final MyRequests requests;

  RatingPage(RatingTokens tokens, HistoryService historyService, MyRequests requests) {
    this.tokens = tokens;
    this.historyService = historyService;
    this.requests = requests;
  }

  @GetMapping
  ModelAndView page(@PathVariable String token, HttpServletResponse response, Model model) {
    RatingTokens.Found found = tokens.find(token);
    if (found.state() != RatingTokens.State.VALID) {
      return explained(found.state(), found, response);
    }
    return form(found, Map.of(), null, response);
  }

  @PostMapping
  ModelAndView rate(@PathVariable String token,
      @RequestParam(name = "solutionVerified", required = false) String solutionVerified,
      @RequestParam(name = "satisfaction", required = false) String satisfaction,
      @RequestParam(name = "ratingComment", required = false) String ratingComment,
      @RequestParam(name = "verificationReason", required = false) String verificationReason,
      HttpServletResponse response) {
    Map<String, Object> answer = new HashMap<>();
    answer.put("solutionVerified", blankToNull(solutionVerified));
    // as the Tasklist form: the rating goes with a solved problem, the reason with an unsolved one
    if ("yes".equals(solutionVerified)) {
      answer.put("satisfaction", blankToNull(satisfaction));
      answer.put("ratingComment", blankToNull(ratingComment));
    } else if ("no".equals(solutionVerified)) {
      answer.put("verificationReason", blankToNull(verificationReason));
    }
    answer.values().removeIf(value -> value == null);
    RatingTokens.Found found;
    try {
      found = tokens.use(token, answer);
    } catch (RatingTokens.NotUsableException e) {
      return explained(e.state, tokens.find(token), response);
    } catch (ProcessEngineException refused) {
      // the rating task's own checks refused the answer: nothing changed, the link still serves
      Map<String, Object> typed = new HashMap<>(answer);
      return form(tokens.find(token), typed, reason(refused), response);
    }
    PortalPages.headers(response);
    response.setHeader("Referrer-Policy", "no-referrer");
    ModelAndView done = new ModelAndView("portal/rated", HttpStatus.OK);
    done.addObject("caseNumber", found.caseNumber());
    done.addObject("solved", "yes".equals(solutionVerified));
    return done;
  }

  private ModelAndView form(RatingTokens.Found found, Map<String, Object> typed, String problem,
      HttpServletResponse response) {
    PortalPages.headers(response);
    response.setHeader("Referrer-Policy", "no-referrer");
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(found.processInstanceId()).disableCustomObjectDeserialization().list()) {
      if (variable.getActivityInstanceId() == null
          || variable.getActivityInstanceId().equals(found.processInstanceId())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    ModelAndView page = new ModelAndView("portal/rate", problem == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    page.addObject("caseNumber", found.caseNumber());
    page.addObject("service", variables.getOrDefault("serviceCatalogEntry", ""));
    page.addObject("workDone", variables.getOrDefault("workDone", ""));
    page.addObject("expires", requests.format(java.util.Date.from(found.expiresAt())));
    page.addObject("typed", typed);
    page.addObject("problem", problem);
    return page;
  }

  private ModelAndView explained(RatingTokens.State state, RatingTokens.Found found, HttpServletResponse response) {
    String text = switch (state) {
      case USED -> "Este enlace ya se usó: su respuesta sobre la solicitud " + found.caseNumber() + " quedó "
          + "registrada. Cada enlace sirve una sola vez.";
      case REPLACED -> "Este enlace fue reemplazado: la solicitud " + found.caseNumber() + " volvió a finalizarse y "
          + "le enviamos un correo más reciente. Use el enlace de ese correo.";
      case EXPIRED -> "El plazo para calificar la solicitud " + found.caseNumber() + " terminó (2 días hábiles) o la "
          + "solicitud ya no espera su calificación: la solución se tuvo por verificada. Si el problema continúa, "
          + "registre una nueva solicitud.";
      default -> "Este enlace no es válido. Copie el enlace completo del correo «Ticket finalizado» o califique "
          + "desde su lista de tareas.";
    };
    HttpStatus status = state == RatingTokens.State.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
    ModelAndView page = PortalPages.message(response, status, state == RatingTokens.State.UNKNOWN
        ? "Enlace no válido" : "Enlace sin efecto", text, false);
    response.setHeader("Referrer-Policy", "no-referrer");
    return page;
  }

  /** The task's own words: a listener's refusal reaches us wrapped in the engine's "ENGINE-03051 …" message. */
  static String reason(Throwable refused) {
    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return invalid.getMessage();
      }
    }
    String message = refused.getMessage() == null ? "" : refused.getMessage();
    int quoted = message.lastIndexOf(": ");
    return message.startsWith("ENGINE-") && quoted > 0 ? message.substring(quoted + 2).replaceAll("'$", "")
        : message;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
