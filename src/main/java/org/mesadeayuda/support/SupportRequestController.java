package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mesadeayuda.platform.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake by API (SR-1), for the e-mail gateway or the institution's portal. HTTP Basic, checked by the engine's
 * identity service; the caller must be allowed to start the support request (engine authorization). A bad payload
 * gets 400 with each field and its reason, and starts nothing.
 */
@RestController
@RequestMapping("/api/support-requests")
public class SupportRequestController {

  private final RuntimeService runtimeService;

  public SupportRequestController(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public record Created(String ticketNumber, String processInstanceId) {}

  public record Problems(List<FieldProblem> errors) {}

  @PostMapping
  public ResponseEntity<?> open(@Valid @RequestBody SupportRequestPayload request) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REQUESTER_NAME, blankToNull(request.requesterName()));
    variables.put(REQUESTER, blankToNull(request.requester()));
    variables.put(REQUESTER_EMAIL, blankToNull(request.requesterEmail()));
    variables.put(REQUESTER_PHONE, blankToNull(request.requesterPhone()));
    variables.put(DEPARTMENT, request.department());
    variables.put(CHANNEL, request.channel());
    variables.put(REQUEST_TYPE, request.requestType());
    variables.put(DESCRIPTION, request.description());
    variables.put(ASSET_TAG, blankToNull(request.assetTag()));
    variables.put(SOFTWARE_NAME, blankToNull(request.softwareName()));
    variables.put(SOFTWARE_VERSION, blankToNull(request.softwareVersion()));
    variables.put(IMPACT, request.impact());
    variables.put(URGENCY, request.urgency());
    // the start form's rules refuse a bad request as the process starts (400 through ApiErrors, nothing created);
    // the ticket number is the one the process gave itself
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(variables)
        .execute();
    String ticketNumber = instance.getBusinessKey();
    return ResponseEntity.created(URI.create("/api/support-requests/" + ticketNumber))
        .body(new Created(ticketNumber, instance.getId()));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Problems> invalid(MethodArgumentNotValidException e) {
    List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map((FieldError error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return ResponseEntity.badRequest().body(new Problems(problems));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Problems> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest()
        .body(new Problems(List.of(new FieldProblem(null, "el cuerpo no es un JSON válido de solicitud"))));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Problems> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(new Problems(List.of(new FieldProblem(null, "su usuario no puede registrar solicitudes de soporte"))));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
