package org.mesadeayuda.attachments;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mesadeayuda.platform.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The support documents of a case by API (SR-15), HTTP Basic like the rest of {@code /api}: add one (multipart, part
 * {@code file}), list them, download one. A case the caller may not see answers 404, whether it exists or not.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/attachments")
public class AttachmentController {

  private final Attachments attachments;
  private final IdentityService identityService;

  public AttachmentController(Attachments attachments, IdentityService identityService) {
    this.attachments = attachments;
    this.identityService = identityService;
  }

  /** One document as the API shows it; {@code step} is the task the uploader was holding, if any. */
  public record Listed(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
      Instant uploadedAt, String step, String download) {

    static Listed of(Attachment attachment) {
      return new Listed(attachment.id(), attachment.fileName(), attachment.contentType(), attachment.size(),
          attachment.sha256(), attachment.uploadedBy(), attachment.uploadedAt(), attachment.step(),
          "/api/cases/" + attachment.caseNumber() + "/attachments/" + attachment.id());
    }
  }

  @PostMapping(consumes = "multipart/form-data")
  public ResponseEntity<Listed> upload(@PathVariable String caseNumber, @RequestParam("file") MultipartFile file)
      throws IOException {
    Attachment added = attachments.add(caseNumber, person(), file.getOriginalFilename(), file.getBytes());
    Listed listed = Listed.of(added);
    return ResponseEntity.created(URI.create(listed.download())).body(listed);
  }

  @GetMapping
  public List<Listed> list(@PathVariable String caseNumber) {
    return attachments.list(caseNumber, person()).stream().map(Listed::of).toList();
  }

  @GetMapping("/{id}")
  public ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id) {
    return AttachmentDownloads.response(attachments.download(caseNumber, id, person()));
  }

  @ExceptionHandler(AttachmentRefusedException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> refused(AttachmentRefusedException e) {
    return ResponseEntity.status(e.status()).body(Map.of("errors", List.of(new FieldProblem("file", e.getMessage()))));
  }

  @ExceptionHandler(Attachments.CaseNotVisibleException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> notVisible(Attachments.CaseNotVisibleException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("errors", List.of(new FieldProblem(null, e.getMessage()))));
  }

  private Person person() {
    Authentication current = identityService.getCurrentAuthentication();
    if (current == null) {
      return null;
    }
    return new Person(current.getUserId(),
        current.getGroupIds() == null ? null : new HashSet<>(current.getGroupIds()));
  }
}
