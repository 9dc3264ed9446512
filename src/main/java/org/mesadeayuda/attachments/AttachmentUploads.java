package org.mesadeayuda.attachments;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.mesadeayuda.platform.FieldProblem;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet's multipart limits follow {@code mesa.attachments.max-file-size}, so the two never disagree: the servlet
 * receives up to twice that size, so that a file too large is received whole and refused by our own check with its
 * name in the message; a larger one is cut off by the servlet while it is being received (it never reaches memory or
 * the database) and answered with the same Spanish message, though the browser may then show a connection error
 * instead: Tomcat reads and discards what is left of a cut-off upload only up to its {@code max-swallow-size}
 * (2 MB by default), then closes the connection.
 */
@Configuration
class AttachmentUploads {

  static final long OTHER_FIELDS_BYTES = 64 * 1024;

  @Bean
  MultipartConfigElement multipartConfigElement(AttachmentProperties properties) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    long servletLimit = 2 * properties.maxFileSize().toBytes();
    factory.setMaxFileSize(DataSize.ofBytes(servletLimit));
    factory.setMaxRequestSize(DataSize.ofBytes(servletLimit + OTHER_FIELDS_BYTES));
    return factory.createMultipartConfig();
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> swallowAbortedUploads() {
    return factory -> factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
  }

  /** Raised before any controller is chosen, so it is answered here: JSON for the API, the page for people. */
  @ControllerAdvice
  static class TooLarge {
    private final AttachmentProperties properties;

    TooLarge(AttachmentProperties properties) {
      this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
      String reason = Attachments.tooLarge(null, properties.maxFileSize()).getMessage();
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith(AttachmentPage.PATH + "/")) {
        ModelAndView page = new ModelAndView("attachments/refused", HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("reason", reason);
        page.addObject("back", path);
        return page;
      }
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
          .body(Map.of("errors", List.of(new FieldProblem("file", reason))));
    }
  }
}
