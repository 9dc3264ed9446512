package org.mesadeayuda.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every API's refusals the same way: 403 with the reason, 400 with each field and its reason. */
@RestControllerAdvice
public class ApiErrors {

  @ExceptionHandler(CurrentUser.NotAllowedException.class)
  ResponseEntity<Map<String, String>> forbidden(CurrentUser.NotAllowedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(InvalidFieldsException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> invalid(InvalidFieldsException e) {
    return ResponseEntity.badRequest().body(Map.of("errors", e.problems()));
  }

  /** A process refused to start (or a task to complete) with these values: the same fields and reasons. */
  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().body(Map.of("errors", e.problems()));
  }
}
