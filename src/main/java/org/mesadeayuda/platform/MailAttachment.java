package org.mesadeayuda.platform;

/**
 * A file an e-mail carries (a PDF document, a spreadsheet). Kept with the queued e-mail in the outbox until it is sent,
 * so a retry sends the same file.
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

  public MailAttachment {
    if (fileName == null || fileName.isBlank() || contentType == null || content == null || content.length == 0) {
      throw new IllegalArgumentException("an e-mail attachment needs a name, a type and content");
    }
  }
}
