package org.mesadeayuda.platform;

/**
 * A file an e-mail carries (a PDF document, a spreadsheet). Kept with the queued e-mail in the outbox until it is sent,
 * so a retry sends the same file. A document the application keeps anyway ({@code generated_document}) is kept by
 * reference: {@code documentId} is its id, and the outbox reads its bytes from there when it sends.
 */
public record MailAttachment(String fileName, String contentType, byte[] content, Long documentId) {

  public MailAttachment {
    if (fileName == null || fileName.isBlank() || contentType == null || content == null || content.length == 0) {
      throw new IllegalArgumentException("an e-mail attachment needs a name, a type and content");
    }
  }

  /** A file of its own, kept with the queued e-mail. */
  public MailAttachment(String fileName, String contentType, byte[] content) {
    this(fileName, contentType, content, null);
  }
}
