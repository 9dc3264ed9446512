package org.mesadeayuda.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every API's refusal the same way: 403 with the reason, in Spanish. */
@RestControllerAdvice
public class ApiErrors {

  @ExceptionHandler(CurrentUser.NotAllowedException.class)
  ResponseEntity<Map<String, String>> forbidden(CurrentUser.NotAllowedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
  }
}
