package org.mesadeayuda.attachments;

import org.springframework.http.HttpStatus;

/** A file that is not kept, and why, in Spanish for the person who sent it; nothing of it was stored. */
public class AttachmentRefusedException extends RuntimeException {

  private final HttpStatus status;

  AttachmentRefusedException(HttpStatus status, String reason) {
    super(reason);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
