package org.mesadeayuda.attachments;

import java.time.Instant;

/** What is known of a stored support document, without its bytes (lists never load them). */
public record Attachment(
    long id,
    String caseNumber,
    String fileName,
    String contentType,
    long size,
    String sha256,
    String uploadedBy,
    Instant uploadedAt,
    String taskId,
    String step) {}
