package org.mesadeayuda.support;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** One row of the ticket register (table support_ticket): what the reports read, kept after history cleanup. */
public class SupportTicket {

  @Id
  private Long id;
  private String ticketNumber;
  private String processInstanceId;
  private String requesterName;
  private String requesterUserId;
  private String requesterEmail;
  private String requesterPhone;
  private String department;
  private String channel;
  private String registeredBy;
  private String requestType;
  private String serviceCatalogEntry;
  private String handlingGroup;
  private String description;
  private String assetTag;
  private String impact;
  private String urgency;
  private String priority;
  private Integer supportLevel;
  private String technician;
  private int escalations;
  private Instant openedAt;
  private Instant firstResponseDue;
  private Instant firstResponseAt;
  private boolean firstResponseBreached;
  private Instant resolutionDue;
  private Instant temporarySolutionAt;
  private Instant definitiveSolutionDue;
  private String extensionCause;
  private Integer extensionDays;
  private String technicalReport;
  private String exemptionReason;
  private String exemptionDetail;
  private String attentionMode;
  private String workDone;
  private Instant resolvedAt;
  private int reopened;
  private Instant closedAt;
  private String slaStatus;
  private String satisfaction;
  private String ratingComment;
  private BigDecimal resolutionBusinessDays;
  private Instant assignedAt;
  private String firstResponseBy;
  private String firstResponseChannel;
  private Boolean resourcesAvailable;
  private String resourcesMissing;
  private Instant resourcesCheckedAt;
  private String resourcesCheckedBy;
  private String verification;
  private Instant verifiedAt;
  private String verificationReason;
  /** The outcome code of the type's own procedure, when the ticket went through one. */
  private String procedureOutcome;
  @Version
  private Integer version;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getTicketNumber() {
    return ticketNumber;
  }

  public void setTicketNumber(String ticketNumber) {
    this.ticketNumber = ticketNumber;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public void setProcessInstanceId(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public String getRequesterName() {
    return requesterName;
  }

  public void setRequesterName(String requesterName) {
    this.requesterName = requesterName;
  }

  public String getRequesterUserId() {
    return requesterUserId;
  }

  public void setRequesterUserId(String requesterUserId) {
    this.requesterUserId = requesterUserId;
  }

  public String getRequesterEmail() {
    return requesterEmail;
  }

  public void setRequesterEmail(String requesterEmail) {
    this.requesterEmail = requesterEmail;
  }

  public String getRequesterPhone() {
    return requesterPhone;
  }

  public void setRequesterPhone(String requesterPhone) {
    this.requesterPhone = requesterPhone;
  }

  public String getDepartment() {
    return department;
  }

  public void setDepartment(String department) {
    this.department = department;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getRegisteredBy() {
    return registeredBy;
  }

  public void setRegisteredBy(String registeredBy) {
    this.registeredBy = registeredBy;
  }

  public String getRequestType() {
    return requestType;
  }

  public void setRequestType(String requestType) {
    this.requestType = requestType;
  }

  public String getServiceCatalogEntry() {
    return serviceCatalogEntry;
  }

  public void setServiceCatalogEntry(String serviceCatalogEntry) {
    this.serviceCatalogEntry = serviceCatalogEntry;
  }

  public String getHandlingGroup() {
    return handlingGroup;
  }

  public void setHandlingGroup(String handlingGroup) {
    this.handlingGroup = handlingGroup;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getAssetTag() {
    return assetTag;
  }

  public void setAssetTag(String assetTag) {
    this.assetTag = assetTag;
  }

  public String getImpact() {
    return impact;
  }

  public void setImpact(String impact) {
    this.impact = impact;
  }

  public String getUrgency() {
    return urgency;
  }

  public void setUrgency(String urgency) {
    this.urgency = urgency;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public Integer getSupportLevel() {
    return supportLevel;
  }

  public void setSupportLevel(Integer supportLevel) {
    this.supportLevel = supportLevel;
  }

  public String getTechnician() {
    return technician;
  }

  public void setTechnician(String technician) {
    this.technician = technician;
  }

  public int getEscalations() {
    return escalations;
  }

  public void setEscalations(int escalations) {
    this.escalations = escalations;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public void setOpenedAt(Instant openedAt) {
    this.openedAt = openedAt;
  }

  public Instant getFirstResponseDue() {
    return firstResponseDue;
  }

  public void setFirstResponseDue(Instant firstResponseDue) {
    this.firstResponseDue = firstResponseDue;
  }

  public Instant getFirstResponseAt() {
    return firstResponseAt;
  }

  public void setFirstResponseAt(Instant firstResponseAt) {
    this.firstResponseAt = firstResponseAt;
  }

  public boolean isFirstResponseBreached() {
    return firstResponseBreached;
  }

  public void setFirstResponseBreached(boolean firstResponseBreached) {
    this.firstResponseBreached = firstResponseBreached;
  }

  public Instant getResolutionDue() {
    return resolutionDue;
  }

  public void setResolutionDue(Instant resolutionDue) {
    this.resolutionDue = resolutionDue;
  }

  public Instant getTemporarySolutionAt() {
    return temporarySolutionAt;
  }

  public void setTemporarySolutionAt(Instant temporarySolutionAt) {
    this.temporarySolutionAt = temporarySolutionAt;
  }

  public Instant getDefinitiveSolutionDue() {
    return definitiveSolutionDue;
  }

  public void setDefinitiveSolutionDue(Instant definitiveSolutionDue) {
    this.definitiveSolutionDue = definitiveSolutionDue;
  }

  public String getExtensionCause() {
    return extensionCause;
  }

  public void setExtensionCause(String extensionCause) {
    this.extensionCause = extensionCause;
  }

  public Integer getExtensionDays() {
    return extensionDays;
  }

  public void setExtensionDays(Integer extensionDays) {
    this.extensionDays = extensionDays;
  }

  public String getTechnicalReport() {
    return technicalReport;
  }

  public void setTechnicalReport(String technicalReport) {
    this.technicalReport = technicalReport;
  }

  public String getExemptionReason() {
    return exemptionReason;
  }

  public void setExemptionReason(String exemptionReason) {
    this.exemptionReason = exemptionReason;
  }

  public String getExemptionDetail() {
    return exemptionDetail;
  }

  public void setExemptionDetail(String exemptionDetail) {
    this.exemptionDetail = exemptionDetail;
  }

  public String getAttentionMode() {
    return attentionMode;
  }

  public void setAttentionMode(String attentionMode) {
    this.attentionMode = attentionMode;
  }

  public String getWorkDone() {
    return workDone;
  }

  public void setWorkDone(String workDone) {
    this.workDone = workDone;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public void setResolvedAt(Instant resolvedAt) {
    this.resolvedAt = resolvedAt;
  }

  public int getReopened() {
    return reopened;
  }

  public void setReopened(int reopened) {
    this.reopened = reopened;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public void setClosedAt(Instant closedAt) {
    this.closedAt = closedAt;
  }

  public String getSlaStatus() {
    return slaStatus;
  }

  public void setSlaStatus(String slaStatus) {
    this.slaStatus = slaStatus;
  }

  public String getSatisfaction() {
    return satisfaction;
  }

  public void setSatisfaction(String satisfaction) {
    this.satisfaction = satisfaction;
  }

  public String getRatingComment() {
    return ratingComment;
  }

  public void setRatingComment(String ratingComment) {
    this.ratingComment = ratingComment;
  }

  public BigDecimal getResolutionBusinessDays() {
    return resolutionBusinessDays;
  }

  public void setResolutionBusinessDays(BigDecimal resolutionBusinessDays) {
    this.resolutionBusinessDays = resolutionBusinessDays;
  }

  public String getProcedureOutcome() {
    return procedureOutcome;
  }

  public void setProcedureOutcome(String procedureOutcome) {
    this.procedureOutcome = procedureOutcome;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
  }

  public Instant getAssignedAt() {
    return assignedAt;
  }

  public void setAssignedAt(Instant assignedAt) {
    this.assignedAt = assignedAt;
  }

  public String getFirstResponseBy() {
    return firstResponseBy;
  }

  public void setFirstResponseBy(String firstResponseBy) {
    this.firstResponseBy = firstResponseBy;
  }

  public String getFirstResponseChannel() {
    return firstResponseChannel;
  }

  public void setFirstResponseChannel(String firstResponseChannel) {
    this.firstResponseChannel = firstResponseChannel;
  }

  public Boolean getResourcesAvailable() {
    return resourcesAvailable;
  }

  public void setResourcesAvailable(Boolean resourcesAvailable) {
    this.resourcesAvailable = resourcesAvailable;
  }

  public String getResourcesMissing() {
    return resourcesMissing;
  }

  public void setResourcesMissing(String resourcesMissing) {
    this.resourcesMissing = resourcesMissing;
  }

  public Instant getResourcesCheckedAt() {
    return resourcesCheckedAt;
  }

  public void setResourcesCheckedAt(Instant resourcesCheckedAt) {
    this.resourcesCheckedAt = resourcesCheckedAt;
  }

  public String getResourcesCheckedBy() {
    return resourcesCheckedBy;
  }

  public void setResourcesCheckedBy(String resourcesCheckedBy) {
    this.resourcesCheckedBy = resourcesCheckedBy;
  }

  public String getVerification() {
    return verification;
  }

  public void setVerification(String verification) {
    this.verification = verification;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
  }

  public void setVerifiedAt(Instant verifiedAt) {
    this.verifiedAt = verifiedAt;
  }

  public String getVerificationReason() {
    return verificationReason;
  }

  public void setVerificationReason(String verificationReason) {
    this.verificationReason = verificationReason;
  }
}
