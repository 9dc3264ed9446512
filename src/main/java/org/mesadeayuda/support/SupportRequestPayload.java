package org.mesadeayuda.support;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A support request received through {@code POST /api/support-requests}: the start form's fields. */
public record SupportRequestPayload(
    @NotBlank(message = "es obligatorio") @Size(max = 200, message = "admite hasta 200 caracteres")
    String requesterName,
    @Size(max = 64, message = "admite hasta 64 caracteres")
    String requester,
    @NotBlank(message = "es obligatorio") @Email(message = "no es un correo electrónico válido")
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String requesterEmail,
    @Size(max = 50, message = "admite hasta 50 caracteres")
    String requesterPhone,
    @NotBlank(message = "es obligatorio")
    String department,
    @NotBlank(message = "es obligatorio")
    @Pattern(regexp = "web|email|phone|in_person", message = "debe ser web, email, phone o in_person")
    String channel,
    @NotBlank(message = "es obligatorio")
    @Pattern(regexp = REQUEST_TYPES, message = "no es un tipo de solicitud conocido")
    String requestType,
    @NotBlank(message = "es obligatorio") @Size(min = 10, max = 4000, message = "debe tener entre 10 y 4000 caracteres")
    String description,
    @Size(max = 50, message = "admite hasta 50 caracteres")
    String assetTag,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String softwareName,
    @Size(max = 50, message = "admite hasta 50 caracteres")
    String softwareVersion,
    @NotBlank(message = "es obligatorio") @Pattern(regexp = LEVELS, message = "debe ser high, medium o low")
    String impact,
    @NotBlank(message = "es obligatorio") @Pattern(regexp = LEVELS, message = "debe ser high, medium o low")
    String urgency) {

  /** The request types of the manuals (SR-2), as offered by the start form and mapped by request-classification.dmn. */
  static final String REQUEST_TYPES = "equipment_support|equipment_failure|software_installation|telephony"
      + "|system_user_account|password_reset|email_account|backup|remote_access|website_publication"
      + "|meeting_equipment|decommissioning_concept|financial_application|other";
  static final String LEVELS = "high|medium|low";
}
