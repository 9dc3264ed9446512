package org.mesadeayuda.remoteaccess;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mesadeayuda.platform.CurrentUser;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.IdentitySetup;
import org.mesadeayuda.platform.InvalidFieldsException;
import org.mesadeayuda.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The remote-access register for the Technology Director and auditors, the identifier check for the connection tool
 * (answers only valid or not, and at most a few times a minute per client), and the staff member's alert.
 */
@RestController
@RequestMapping("/api/remote-access")
public class RemoteAccessController {

  static final int CHECKS_PER_MINUTE = 5;
  static final int MAX_WORK_ORDER = 20;
  /** An identifier is 43 characters (32 random bytes, Base64); anything much longer is not one. */
  static final int MAX_IDENTIFIER = 100;
  static final String DEVIATION_ALERT = "remote-access-deviation-alert";

  private final RemoteAccessGrantRepository grants;
  private final AccessIdentifiers identifiers;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final Map<String, Bucket> checksByClient = new ConcurrentHashMap<>();

  public RemoteAccessController(RemoteAccessGrantRepository grants, AccessIdentifiers identifiers,
      RuntimeService runtimeService, IdentityService identityService, CurrentUser currentUser) {
    this.grants = grants;
    this.identifiers = identifiers;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.currentUser = currentUser;
  }

  public record Check(String workOrder, String identifier) {}

  /** The staff member's alert: what was seen, kept with the case (a process variable) and sent to the Director. */
  public record Alert(String notes) {}

  /** Longest alert note; it ends in the revocation e-mail and the case's variables, whose texts hold 4000. */
  static final int NOTES_MAX_LENGTH = 2000;

  @GetMapping
  public List<RemoteAccessGrant> register() {
    currentUser.requireOneOf("solo la Dirección de Tecnología y los auditores consultan los accesos remotos",
        Role.DIRECTOR_TI, Role.CALIDAD);
    return grants.findAllByOrderByIdDesc();
  }

  /**
   * Whether the identifier opens the work order now; the first valid use marks the session active. Only the person the
   * identifier was issued to (the technician of an internal access, by her own account) or the connection-checking
   * system ({@value IdentitySetup#CONNECTION_CHECKERS}: the remote-access tool's service account, which checks external
   * connections whose person has no account here) may ask: anybody else gets 403 and nothing changes.
   */
  @PostMapping("/verify")
  public ResponseEntity<Map<String, Boolean>> verify(@RequestBody(required = false) Check check,
      HttpServletRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (check == null || blank(check.workOrder()) || check.workOrder().length() > MAX_WORK_ORDER) {
      problems.add(new FieldProblem("workOrder", "Indique el número de orden de trabajo."));
    }
    if (check == null || blank(check.identifier()) || check.identifier().length() > MAX_IDENTIFIER) {
      problems.add(new FieldProblem("identifier", "Indique el identificador de acceso."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    String client = currentUser.id() + "@" + request.getRemoteAddr();
    Bucket bucket = checksByClient.computeIfAbsent(client, key -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(CHECKS_PER_MINUTE).refillGreedy(CHECKS_PER_MINUTE, Duration.ofMinutes(1))
            .build())
        .build());
    if (!bucket.tryConsume(1)) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
    }
    if (!currentUser.isMemberOf(IdentitySetup.CONNECTION_CHECKERS)) {
      String technician = grants.findByWorkOrder(check.workOrder()).map(RemoteAccessGrant::technician).orElse(null);
      if (technician == null || !technician.equals(currentUser.id())) {
        throw new CurrentUser.NotAllowedException(
            "solo la persona a quien se entregó el identificador o el sistema de control de conexiones lo verifican");
      }
    }
    return ResponseEntity.ok(Map.of("valid", identifiers.verify(check.workOrder(), check.identifier())));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The staff member watching the session raises an alert: the process revokes the identifier at once. */
  @PostMapping("/{workOrder}/alert")
  public ResponseEntity<Void> alert(@PathVariable String workOrder, @RequestBody(required = false) Alert body) {
    // refused before anything happens: a note too long must not cost the revocation its transaction
    if (body != null && body.notes() != null && body.notes().length() > NOTES_MAX_LENGTH) {
      throw new InvalidFieldsException(List.of(new FieldProblem("notes", "admite hasta " + NOTES_MAX_LENGTH
          + " caracteres (tiene " + body.notes().length() + ")")));
    }
    RemoteAccessGrant grant = grants.findByWorkOrder(workOrder).orElse(null);
    String user = currentUser.id();
    if (grant == null || !(user != null && user.equals(grant.staffMember()))) {
      currentUser.requireOneOf("solo el funcionario que supervisa o el Director de Tecnología dan la alerta",
          Role.DIRECTOR_TI);
    }
    // the caller's right to alert was checked above; the engine's own check would ask for rights on every case
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(DEVIATION_ALERT).processInstanceBusinessKey(workOrder)
          .setVariable(RemoteAccessVariables.SESSION_NOTES, body == null ? null : body.notes())
          .correlate();
    } catch (MismatchingMessageCorrelationException noSessionToAlert) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    } finally {
      identityService.setAuthentication(caller);
    }
    return ResponseEntity.accepted().build();
  }
}
