package org.mesadeayuda.attachments;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.mesadeayuda.platform.FieldProblem;
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
 * The servlet's multipart limits follow {@code mesa.attachments.max-file-size}, so the two can never disagree: a file
 * over the limit is refused while it is being received, before the application reads it, with the same Spanish
 * message as our own check. The request may be a little larger than the file (the other form fields).
 */
@Configuration
class AttachmentUploads {

  static final long OTHER_FIELDS_BYTES = 64 * 1024;

  @Bean
  MultipartConfigElement multipartConfigElement(AttachmentProperties properties) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    factory.setMaxFileSize(properties.maxFileSize());
    factory.setMaxRequestSize(DataSize.ofBytes(properties.maxFileSize().toBytes() + OTHER_FIELDS_BYTES));
    return factory.createMultipartConfig();
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
