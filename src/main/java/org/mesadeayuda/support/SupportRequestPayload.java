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
    String urgency,
    // a type with its own procedure: its details, named as in that procedure's start form (shown only for the type)
    String informationLocation,
    @Size(max = 500, message = "admite hasta 500 caracteres")
    String locationDetail,
    Boolean personalComputerResponsibilityAcknowledged,
    String backupKind,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String requestedSchedule,
    String requestedMedium,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String position,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String requestedAccount,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String existingAccount,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String immediateBoss,
    String accessKind,
    String purpose,
    String areaOffice,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String externalCompany,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String externalPersonName,
    @Size(max = 200, message = "admite hasta 200 caracteres")
    String externalPersonEmail,
    @Size(max = 40, message = "admite hasta 40 caracteres")
    String windowStart,
    @Size(max = 40, message = "admite hasta 40 caracteres")
    String windowEnd) {

  /** The details of the type's own procedure that were sent, by their start form names. */
  java.util.Map<String, Object> procedureDetails() {
    java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("informationLocation", informationLocation);
    details.put("locationDetail", locationDetail);
    details.put("personalComputerResponsibilityAcknowledged", personalComputerResponsibilityAcknowledged);
    details.put("backupKind", backupKind);
    details.put("requestedSchedule", requestedSchedule);
    details.put("requestedMedium", requestedMedium);
    details.put("position", position);
    details.put("requestedAccount", requestedAccount);
    details.put("existingAccount", existingAccount);
    details.put("immediateBoss", immediateBoss);
    details.put("accessKind", accessKind);
    details.put("purpose", purpose);
    details.put("areaOffice", areaOffice);
    details.put("externalCompany", externalCompany);
    details.put("externalPersonName", externalPersonName);
    details.put("externalPersonEmail", externalPersonEmail);
    details.put("windowStart", windowStart);
    details.put("windowEnd", windowEnd);
    details.values().removeIf(value -> value == null || value instanceof String text && text.isBlank());
    details.replaceAll((name, value) -> value instanceof String text ? text.trim() : value);
    return details;
  }
}
