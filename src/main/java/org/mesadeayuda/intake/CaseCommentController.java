package org.mesadeayuda.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mesadeayuda.attachments.Attachments;
import org.mesadeayuda.attachments.Person;
import org.mesadeayuda.platform.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}/comments}: what people wrote to the case by e-mail, for whoever may see the case's
 * documents (requester, desk, technician, approvers: {@link Attachments#permissions}); anybody else gets 404, as for a
 * case that does not exist.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/comments")
public class CaseCommentController {

  private final CaseComments comments;
  private final Attachments attachments;
  private final IdentityService identityService;

  CaseCommentController(CaseComments comments, Attachments attachments, IdentityService identityService) {
    this.comments = comments;
    this.attachments = attachments;
    this.identityService = identityService;
  }

  @GetMapping
  public List<CaseComments.Comment> list(@PathVariable String caseNumber) {
    Authentication current = identityService.getCurrentAuthentication();
    Person person = current == null ? null : new Person(current.getUserId(),
        current.getGroupIds() == null ? null : new HashSet<>(current.getGroupIds()));
    attachments.permissions(caseNumber, person);
    return comments.of(caseNumber);
  }

  @ExceptionHandler(Attachments.CaseNotVisibleException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> notVisible(Attachments.CaseNotVisibleException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("errors", List.of(new FieldProblem(null, "no se encontró el caso o no tiene acceso a él"))));
  }
}
