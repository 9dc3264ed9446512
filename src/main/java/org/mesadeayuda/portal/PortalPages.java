package org.mesadeayuda.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** What every portal page shares: its headers, its message page, and how a start-form field is drawn. */
final class PortalPages {

  private PortalPages() {}

  /** Pages of people's cases: never cached, never framed by another site, never sniffed, only our own scripts. */
  static void headers(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    // scripts: only our own files (the new request's progressive enhancement), never inline
    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
        + "script-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'");
    response.setHeader("Referrer-Policy", "same-origin");
  }

  static ModelAndView message(HttpServletResponse response, HttpStatus status, String title, String text,
      boolean signIn) {
    headers(response);
    ModelAndView page = new ModelAndView("portal/message", status);
    page.addObject("title", title);
    page.addObject("text", text);
    page.addObject("signIn", signIn);
    return page;
  }

  /**
   * A component of the start form as the page draws it.
   *
   * @param kind text, textfield, textarea, select, radio, checkbox, datetime or number
   */
  record Field(String kind, String key, String label, String text, boolean required, Integer minLength,
      Integer maxLength, boolean email, List<StartForm.Option> options, String value, String problem,
      boolean checked, String inputType) {

    static Field of(StartForm.Component component, Object value, String problem) {
      String shown = value == null ? "" : value.toString();
      String inputType = switch (component.type()) {
        case "datetime" -> "datetime-local";
        case "number" -> "number";
        default -> component.email() ? "email" : "text";
      };
      return new Field(component.type(), component.key(), component.label(), component.text(), component.required(),
          component.minLength(), component.maxLength(), component.email(), component.options(), shown, problem,
          "true".equals(shown), inputType);
    }
  }
}
