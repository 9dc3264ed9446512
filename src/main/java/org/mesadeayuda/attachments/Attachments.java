package org.mesadeayuda.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The support documents of a case (SR-15): who may add and read them ({@link CaseParticipants}), the limits
 * ({@link AttachmentProperties}), the content check ({@link ContentDetector}) and the clean name ({@link FileNames}).
 * A file is checked whole before anything is written, and kept in one transaction with the case's total, so a refused
 * file leaves nothing behind.
 */
@Service
public class Attachments {

  /** The case does not exist or the person may not see it: the same answer for both. */
  public static class CaseNotVisibleException extends RuntimeException {
    CaseNotVisibleException() {
      super("no se encontró el caso o no tiene acceso a sus documentos");
    }
  }

  private final AttachmentStore store;
  private final CaseParticipants participants;
  private final AttachmentProperties properties;

  Attachments(AttachmentStore store, CaseParticipants participants, AttachmentProperties properties) {
    this.store = store;
    this.participants = participants;
    this.properties = properties;
  }

  public record Permissions(boolean mayUpload, boolean open) {}

  /** What the person may do on the case's documents; refuses a case they may not see. */
  public Permissions permissions(String caseNumber, Person person) {
    CaseParticipants.Access access = visible(caseNumber, person);
    return new Permissions(access.mayUpload(), access.open());
  }

  public List<Attachment> list(String caseNumber, Person person) {
    visible(caseNumber, person);
    return store.list(caseNumber);
  }

  public AttachmentStore.Content download(String caseNumber, long id, Person person) {
    visible(caseNumber, person);
    return store.content(caseNumber, id).orElseThrow(CaseNotVisibleException::new);
  }

  @Transactional
  public Attachment add(String caseNumber, Person person, String originalName, byte[] content) {
    CaseParticipants.Access access = visible(caseNumber, person);
    if (!access.open()) {
      throw new AttachmentRefusedException(HttpStatus.CONFLICT,
          "el caso " + caseNumber + " ya terminó: sus documentos se pueden consultar pero no se agregan más");
    }
    if (!access.mayUpload()) {
      throw new AttachmentRefusedException(HttpStatus.FORBIDDEN,
          "solo el solicitante, la mesa de ayuda y el técnico asignado agregan documentos al caso");
    }
    String cleaned = FileNames.clean(originalName, properties.maxNameLength());
    String name = cleaned;
    if (content == null || content.length == 0) {
      throw new AttachmentRefusedException(HttpStatus.BAD_REQUEST, "el archivo «" + name + "» está vacío");
    }
    if (content.length > properties.maxFileSize().toBytes()) {
      throw tooLarge(name, properties.maxFileSize());
    }
    FileType type = ContentDetector.detect(content, properties.allowed())
        .orElseThrow(() -> new AttachmentRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "el contenido de «"
            + cleaned + "» no es de un tipo permitido; se aceptan " + properties.allowedForPeople()));
    String extension = FileNames.extension(name);
    if (!extension.isEmpty() && !type.extensions().contains(extension)) {
      throw new AttachmentRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "«" + name + "» tiene la extensión ."
          + extension + " pero su contenido es " + type.label() + "; revise que eligió el archivo correcto");
    }
    name = FileNames.withExtension(name, type, properties.maxNameLength());
    if (!store.reserve(caseNumber, content.length, properties.maxTotalPerCase().toBytes())) {
      throw new AttachmentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "«" + name + "» no cabe: los documentos "
          + "de un caso suman como máximo " + readable(properties.maxTotalPerCase()) + " y este caso ya tiene "
          + readable(DataSize.ofBytes(store.total(caseNumber))));
    }
    Optional<Task> task = access.heldTask();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    long id = store.insert(caseNumber, name, type, content, sha256(content), person.userId(), now,
        task.map(Task::getId).orElse(null), task.map(Task::getTaskDefinitionKey).orElse(null));
    return store.find(caseNumber, id).orElseThrow();
  }

  static AttachmentRefusedException tooLarge(String name, DataSize limit) {
    return new AttachmentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, (name == null ? "el archivo" : "«" + name
        + "»") + " supera el tamaño máximo de " + readable(limit) + " por archivo");
  }

  /** "10 MB", "500 KB", as people read sizes. */
  static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes >= 1024 * 1024) {
      double megabytes = bytes / (1024.0 * 1024.0);
      return (megabytes == Math.rint(megabytes) ? String.valueOf((long) megabytes)
          : String.format(Locale.ROOT, "%.1f", megabytes).replace('.', ',')) + " MB";
    }
    if (bytes >= 1024) {
      return (bytes / 1024) + " KB";
    }
    return bytes + " bytes";
  }

  private CaseParticipants.Access visible(String caseNumber, Person person) {
    CaseParticipants.Access access = participants.of(caseNumber, person);
    if (!access.visible()) {
      throw new CaseNotVisibleException();
    }
    return access;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
