package org.mesadeayuda.support;

import jakarta.validation.constraints.Size;

/**
 * A support request received through {@code POST /api/support-requests}: the start form's fields. Which fields are
 * required, their options and formats are the start form's rules, checked as the process starts whoever starts it
 * ({@link org.mesadeayuda.platform.StartValidationPlugin}); only what the form cannot say is declared here.
 */
public record SupportRequestPayload(
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String requesterName,
    @Size(max = 64, message = "admite hasta 64 caracteres")
    String requester,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String requesterEmail,
    @Size(max = 50, message = "admite hasta 50 caracteres")
    String requesterPhone,
    String department,
    String channel,
    String requestType,
    @Size(max = 4000, message = "admite hasta 4000 caracteres")
    String description,
    @Size(max = 50, message = "admite hasta 50 caracteres")
    String assetTag,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String softwareName,
    @Size(max = 50, message = "admite hasta 50 caracteres")
    String softwareVersion,
    String impact,
    String urgency) {
}
