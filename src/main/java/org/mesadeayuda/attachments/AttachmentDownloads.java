package org.mesadeayuda.attachments;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file as a download: always "save as" (Content-Disposition attachment), the type detected on upload, never
 * sniffed by the browser, never cached, and sandboxed should a browser open it anyway.
 */
final class AttachmentDownloads {

  private AttachmentDownloads() {}

  static ResponseEntity<byte[]> response(AttachmentStore.Content content) {
    Attachment attachment = content.attachment();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.contentType()))
        .contentLength(content.bytes().length)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .cacheControl(CacheControl.noStore())
        .eTag("\"" + attachment.sha256() + "\"")
        .body(content.bytes());
  }
}
