package org.mesadeayuda.documents;

import java.time.Instant;
import org.mesadeayuda.platform.MailAttachment;

/** A document a procedure produced for a case (its bytes are read apart, when downloaded or attached). */
public record GeneratedDocument(long id, String caseNumber, String kind, String title, String fileName,
    String contentType, long size, String sha256, Instant createdAt, DocumentReaders readers, byte[] content) {

  public static final String PDF = "application/pdf";

  /** The document as a file of an e-mail: the outbox keeps a reference to it, not a second copy of its bytes. */
  public MailAttachment asAttachment() {
    return new MailAttachment(fileName, contentType, content, id);
  }

  /** Where the people it names download it (same login as Tasklist). */
  public String downloadPath() {
    return DocumentPage.PATH + "/" + id;
  }
}
