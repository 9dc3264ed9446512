package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.RequesterProfile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake by API (SR-1), for the e-mail gateway or the institution's portal. HTTP Basic, checked by the engine's
 * identity service; the caller must be allowed to start the support request (engine authorization). A bad payload
 * gets 400 with each field and its reason ({@link org.mesadeayuda.platform.ApiErrors}), and starts nothing.
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
    variables.putAll(request.procedureDetails());
    // the start form's rules refuse a bad request as the process starts (400 through ApiErrors, nothing created);
    // the ticket number is the one the process gave itself
    // a gateway states the requester and the channel (README "Support request API"), the profile does not replace them
    ProcessInstance instance = RequesterProfile.statedByIntake(() -> runtimeService
        .createProcessInstanceByKey(PROCESS_KEY).setVariables(variables).execute());
    String ticketNumber = instance.getBusinessKey();
    return ResponseEntity.created(URI.create("/api/support-requests/" + ticketNumber))
        .body(new Created(ticketNumber, instance.getId()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
