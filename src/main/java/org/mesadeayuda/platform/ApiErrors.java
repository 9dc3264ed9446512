package org.mesadeayuda.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers every API's refusals the same way, so no controller needs its own handlers: 403 with the reason, 400 with
 * each field and its reason in Spanish ({@code {"errors": [{"field": ..., "reason": ...}]}}), 409 when the register
 * changed under the request. Bad input never reaches the database as a 500.
 */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(CurrentUser.NotAllowedException.class)
  ResponseEntity<Map<String, String>> forbidden(CurrentUser.NotAllowedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
  }

  /** The engine refused the user (e.g. starting a process the role may not start). */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> engineForbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(errors(new FieldProblem(null, "su usuario no tiene permiso para esta operación")));
  }

  @ExceptionHandler(InvalidFieldsException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> invalid(InvalidFieldsException e) {
    return ResponseEntity.badRequest().body(Map.of("errors", e.problems()));
  }

  /** A form of the engine refused a value ({@link InvalidInputException}) while our API started or moved a case. */
  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> invalidInput(InvalidInputException e) {
    return ResponseEntity.badRequest().body(Map.of("errors", e.problems()));
  }

  /** Bean Validation of a request body ({@code @Valid}): every field, in a stable order. */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> invalidBody(MethodArgumentNotValidException e) {
    List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map((FieldError error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldProblem::field, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
    return ResponseEntity.badRequest().body(Map.of("errors", problems));
  }

  /** Bean Validation of a query or path parameter. */
  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> invalidParameter(HandlerMethodValidationException e) {
    List<FieldProblem> problems = e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
            result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(Map.of("errors", problems));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> missingParameter(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(errors(new FieldProblem(e.getParameterName(), "es obligatorio")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> wrongParameter(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(errors(new FieldProblem(e.getName(), expected(e.getRequiredType()))));
  }

  /**
   * A body that is not JSON, or a value of the wrong type (a number or an object where a text is expected): the
   * field is named by its path in the JSON, e.g. {@code name} or {@code items[2].assetTag}.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      Class<?> target = mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
          ? mismatch.getTargetType() : null;
      return ResponseEntity.badRequest().body(errors(new FieldProblem(path(mapping), expected(target))));
    }
    if (e.getCause() instanceof JsonProcessingException) {
      return ResponseEntity.badRequest().body(errors(new FieldProblem(null, "el cuerpo no es un JSON válido")));
    }
    return ResponseEntity.badRequest().body(errors(new FieldProblem(null, "falta el cuerpo de la petición o no es "
        + "un JSON válido")));
  }

  /** Two people changed the same row at once: the second must reload, nothing of the request was kept. */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> conflict(OptimisticLockingFailureException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(errors(new FieldProblem(null,
        "otra persona modificó el registro al mismo tiempo; vuelva a cargarlo e intente de nuevo")));
  }

  /** Last line of defence: the registers check values before writing, so this means a race on a unique value. */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> duplicate(DuplicateKeyException e) {
    LOG.info("Refused a duplicate value: {}", e.getMostSpecificCause().getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(errors(new FieldProblem(null,
        "ya existe un registro con ese valor")));
  }

  /** Last line of defence for a value the register's own checks missed; logged so the check can be added. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> integrity(DataIntegrityViolationException e) {
    LOG.warn("A value reached the database and was refused there: {}", e.getMostSpecificCause().getMessage());
    return ResponseEntity.badRequest().body(errors(new FieldProblem(null,
        "un valor no cabe en el registro o no cumple sus reglas")));
  }

  private static Map<String, List<FieldProblem>> errors(FieldProblem problem) {
    return Map.of("errors", List.of(problem));
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** What the field should have been, as the person who sent it would say it. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "no tiene un valor válido";
    }
    if (type == String.class) {
      return "debe ser un texto";
    }
    if (type == LocalDate.class) {
      return "debe ser una fecha AAAA-MM-DD";
    }
    if (type == LocalDateTime.class) {
      return "debe ser una fecha y hora AAAA-MM-DDTHH:MM";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "debe ser una fecha y hora ISO-8601";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "debe ser true o false";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "debe ser un número entero";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "debe ser un número";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "debe ser un objeto JSON";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "debe ser una lista";
    }
    return "no tiene un valor válido";
  }
}
