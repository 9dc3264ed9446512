package org.mesadeayuda.remoteaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mesadeayuda.OfficeTime.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every path of processes/remote-access.bpmn, and the secrecy of the one-time identifier (RA-1..RA-6). */
@MesaSpringTest
@ExtendWith(OutputCaptureExtension.class)
class RemoteAccessProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final Pattern IDENTIFIER = Pattern.compile("Identificador de un solo uso: (\\S+)");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired AccessIdentifiers identifiers;
  @Autowired RemoteAccessGrantRepository grants;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    mail.purgeEmailFromAllMailboxes();
    ClockUtil.setCurrentTime(at("2026-11-23T09:00"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void internalSessionWithAnAllowedPurposeIsConfirmedMonitoredAndClosed() throws Exception {
    ProcessInstance access = request("internal", "updates");
    assertThat(access).isWaitingAt("Task_ConfirmTechnician");
    Jobs.assertCandidateGroup(taskService, task(access), "directores-area");
    as("andres.area", "directores-area", () -> taskService.complete(task(access).getId(),
        Map.of("technicianConfirmed", true)));
    runAsyncSteps(access);
    assertThat(access).hasPassed("Task_NotifyTechnologyDirectorOfInternalAccess").isWaitingAt("Task_MonitorSession");
    // people read the window in office time; the timers use the Date variables
    assertThat(runtimeService.getVariable(access.getId(), "windowLabel"))
        .isEqualTo("del 23 de noviembre de 2026, 09:00 al 23 de noviembre de 2026, 12:00");
    String identifier = identifierSentTo("direccion-tecnologia@institucion.gob", access);
    assertThat(identifiers.verify(workOrder(access), identifier)).isTrue();
    assertThat(grant(access).state()).isEqualTo("active");

    complete(access, Map.of("workMatched", true, "sessionNotes", "Se actualizó el controlador de la impresora"));
    assertThat(access).isEnded().hasPassed("EndEvent_AccessClosed").hasNotPassed("Task_RecordReport");
    assertThat(grant(access).state()).isEqualTo("closed");
    assertThat(identifiers.verify(workOrder(access), identifier)).isFalse();
  }

  /** 000, procedimiento 5, documents: the area director's e-mail to the Technology Director, for internal access too. */
  @Test
  void internalAccessConfirmedByTheAreaDirectorIsNotifiedToTheTechnologyDirector() throws Exception {
    ProcessInstance access = request("internal", "backup");
    assertThat(mail.getReceivedMessages()).isEmpty();
    as("andres.area", "directores-area", () -> taskService.complete(task(access).getId(),
        Map.of("technicianConfirmed", true)));
    // the e-mail is an asynchronous step of its own: a failing mail server leaves a retrying job, not a lost case
    assertThat(managementService.createJobQuery().processInstanceId(access.getId()).activityId(
        "Task_NotifyTechnologyDirectorOfInternalAccess").count()).isEqualTo(1);
    runAsyncSteps(access);
    var notice = Jobs.message(mail.getReceivedMessages(), "Acceso remoto interno confirmado — orden "
        + access.getBusinessKey());
    assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("direccion-tecnologia@institucion.gob");
    assertThat((String) notice.getContent()).contains("andres.area", "usuario.sin.correo", "INV-0215",
        "Actualizar el sistema de planillas", "Julia Jefa", "Copias de");
    // the notice carries no identifier: that goes only to the technician
    assertThat((String) notice.getContent()).doesNotContain("Identificador de un solo uso:");
  }

  @Test
  void aTechnicianNotConfirmedSendsNoNoticeToTheTechnologyDirector() {
    ProcessInstance access = request("internal", "updates");
    complete(access, Map.of("technicianConfirmed", false, "refusalReason", "No es personal de Tecnología"));
    assertThat(access).isEnded().hasPassed("EndEvent_AccessRefused")
        .hasNotPassed("Task_NotifyTechnologyDirectorOfInternalAccess");
    assertThat(mail.getReceivedMessages()).noneMatch(message -> {
      try {
        return message.getSubject().startsWith("Acceso remoto interno confirmado");
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** RA-4, 000 procedimiento 6, 1.a: no vouching without both confirmations, through the API as through the form. */
  @Test
  void theAreaDirectorCannotVouchWithoutBothConfirmationsAndTheTaskStays() throws Exception {
    ProcessInstance access = request("external", "updates");
    String taskId = task(access).getId();
    for (Map<String, Object> incomplete : java.util.List.<Map<String, Object>>of(
        Map.of("vouched", true),
        Map.of("relationshipVerified", true, "identityConfirmed", false, "vouched", true),
        Map.of("relationshipVerified", false, "identityConfirmed", true, "vouched", true),
        Map.of("relationshipVerified", "true", "vouched", "true"))) {
      as("andres.area", "directores-area", () -> assertThatThrownBy(() -> taskService.complete(taskId, incomplete))
          .as(incomplete.toString()).hasRootCauseInstanceOf(InvalidInputException.class).rootCause()
          .hasMessageContaining("No puede avalar el acceso externo sin las dos verificaciones"));
    }
    // the message names what is missing
    as("andres.area", "directores-area", () -> assertThatThrownBy(() -> taskService.complete(taskId,
        Map.of("relationshipVerified", true, "vouched", true))).rootCause()
        .hasMessageContaining("confirme la identidad de la persona").hasMessageNotContaining("relación de dependencia"));
    // refusing needs the reason the requester reads
    as("andres.area", "directores-area", () -> assertThatThrownBy(() -> taskService.complete(taskId,
        Map.of("vouched", false))).hasRootCauseInstanceOf(InvalidInputException.class).rootCause()
        .hasMessageContaining("motivo"));
    assertThat(access).isWaitingAt("Task_VouchExternal");
    assertThat(task(access).getId()).isEqualTo(taskId);
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(runtimeService.getVariable(access.getId(), "vouched")).isNull();

    as("andres.area", "directores-area", () -> taskService.complete(taskId,
        Map.of("relationshipVerified", true, "identityConfirmed", true, "vouched", true)));
    runAsyncSteps(access);
    assertThat(access).hasPassed("Task_NotifyTechnologyDirector").isWaitingAt("Task_AuthorizeExternal");
  }

  @Test
  void theDecidersAreWhoTheServerAuthenticatedAndTheirCompletionCannotRedirectTheIdentifier() throws Exception {
    ProcessInstance access = request("external", "updates");
    as("andres.area", "directores-area", () -> taskService.complete(task(access).getId(),
        Map.of("relationshipVerified", true, "identityConfirmed", true, "vouched", true)));
    runAsyncSteps(access);
    assertThat(runtimeService.getVariable(access.getId(), "vouchedBy")).isEqualTo("andres.area");

    // issue 13: the person deciding may not change the case's facts, e.g. where the identifier is sent
    Map<String, Object> hijack = Map.of("accessAuthorized", true, "externalPersonEmail", "atacante@example.com");
    as("diego.director", "director-ti", () -> assertThatThrownBy(() -> taskService.complete(task(access).getId(), hijack))
        .hasMessageContaining("externalPersonEmail"));
    assertThat(runtimeService.getVariable(access.getId(), "externalPersonEmail")).isEqualTo("soporte@proveedor.example");

    // completed through the REST API without claiming it: the register still names the Director
    as("diego.director", "director-ti", () -> taskService.complete(task(access).getId(),
        Map.of("accessAuthorized", true)));
    runAsyncSteps(access);
    identifierSentTo("soporte@proveedor.example", access);
    assertThat(grant(access).authorizedBy()).isEqualTo("diego.director");
    assertThat(mail.getReceivedMessagesForDomain("example.com")).isEmpty();
  }

  private void as(String user, String group, Runnable action) {
    identityService.setAuthentication(user, java.util.List.of(group));
    try {
      action.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void aRefusalLinksToHerRequestsOnlyWhenTheStaffMemberAskedHerself() throws Exception {
    ProcessInstance[] own = new ProcessInstance[1];
    as("julia.jefa", "directores-area", () -> own[0] = request("internal", "other"));
    // the refusal's e-mail is an asynchronous step: the job executor runs it, not julia.jefa
    runAsyncSteps(own[0]);
    assertThat(own[0]).isEnded().hasPassed("EndEvent_AccessRefused");
    var refusal = Jobs.message(mail.getReceivedMessages(), "Acceso remoto no autorizado");
    assertThat((String) refusal.getContent()).contains(TestMail.myRequestsLink(own[0].getBusinessKey()));

    // asked for her by somebody else: the case is in the asker's list, not in hers
    mail.purgeEmailFromAllMailboxes();
    request("internal", "other");
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "Acceso remoto no autorizado").getContent())
        .doesNotContain("Mis solicitudes");
  }

  @Test
  void aPurposeOutsideTheManualIsRefused() throws Exception {
    ProcessInstance access = request("internal", "other");
    assertThat(access).isEnded().hasPassed("EndEvent_AccessRefused");
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "Acceso remoto no autorizado").getContent())
        .contains("no está entre los permitidos");
    assertThat(grants.findByWorkOrder(workOrder(access))).isEmpty();
  }

  @Test
  void externalAccessRefusedByTheAreaDirector() {
    ProcessInstance access = request("external", "it_audit");
    assertThat(access).isWaitingAt("Task_VouchExternal");
    complete(access, Map.of("relationshipVerified", false, "identityConfirmed", false, "vouched", false,
        "refusalReason", "No hay contrato vigente con la empresa"));
    assertThat(access).isEnded().hasPassed("EndEvent_AccessRefused");
  }

  @Test
  void externalAccessRefusedByTheTechnologyDirector() throws Exception {
    ProcessInstance access = vouched(request("external", "updates"));
    assertThat(access).isWaitingAt("Task_AuthorizeExternal");
    Jobs.assertCandidateGroup(taskService, task(access), "director-ti");
    assertThat(Jobs.message(mail.getReceivedMessages(), "Solicitud de acceso remoto externo").getAllRecipients()[0]
        .toString()).isEqualTo("direccion-tecnologia@institucion.gob");
    complete(access, Map.of("accessAuthorized", false, "refusalReason", "Que lo haga el personal interno"));
    assertThat(access).isEnded().hasPassed("EndEvent_AccessRefused");
  }

  @Test
  void anUnusedIdentifierExpiresWithItsWindow() throws Exception {
    ProcessInstance access = authorizedExternal();
    String identifier = identifierSentTo("soporte@proveedor.example", access);
    ClockUtil.setCurrentTime(at("2026-11-23T12:01"));
    managementService.createJobQuery().processInstanceId(access.getId()).timers().executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    runAsyncSteps(access);
    assertThat(grant(access).state()).isEqualTo("expired");
    assertThat(identifiers.verify(workOrder(access), identifier)).isFalse();
    // issue 14, RA-6: an external session that ends with its window still asks for the report (or its waiver)
    assertThat(access).hasPassed("Task_ExpireIdentifier").isWaitingAt("Task_RecordReport");
    assertThat(runtimeService.getVariable(access.getId(), "sessionEnd")).isEqualTo("expired");
    complete(access, Map.of("reportReceived", false, "reportWaived", true,
        "waiverReason", "La empresa no llegó a conectarse"));
    assertThat(access).isEnded().hasPassed("Task_RecordReportOutcome", "EndEvent_AccessClosed");
    assertThat(grant(access).reportWaived()).isTrue();
    assertThat(grant(access).workReport()).isEqualTo("Dispensado: La empresa no llegó a conectarse");
  }

  @Test
  void anExternalSessionWhoseWindowEndsWhileWorkingAsksForTheReport() {
    ProcessInstance access = authorizedExternal();
    ClockUtil.setCurrentTime(at("2026-11-23T12:00"));
    managementService.createJobQuery().processInstanceId(access.getId()).timers().executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    runAsyncSteps(access);
    assertThat(access).isWaitingAt("Task_RecordReport");
    complete(access, Map.of("reportReceived", true, "workReport", "Quedó a medias: se reprograma la actualización"));
    assertThat(access).isEnded().hasPassed("EndEvent_AccessClosed");
    assertThat(grant(access).state()).isEqualTo("expired");
    assertThat(grant(access).workReport()).isEqualTo("Quedó a medias: se reprograma la actualización");
  }

  @Test
  void anInternalSessionWhoseWindowEndsNeedsNoReport() {
    ProcessInstance access = request("internal", "updates");
    complete(access, Map.of("technicianConfirmed", true));
    ClockUtil.setCurrentTime(at("2026-11-23T12:01"));
    managementService.createJobQuery().processInstanceId(access.getId()).timers().executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    runAsyncSteps(access);
    assertThat(access).isEnded().hasPassed("Task_ExpireIdentifier", "EndEvent_AccessClosed")
        .hasNotPassed("Task_RecordReport");
    assertThat(grant(access).state()).isEqualTo("expired");
  }

  /** The staff member closes the session before the window ends (the work was done early): the report is asked. */
  @Test
  void anExternalSessionClosedEarlyAsksForTheReport() {
    ProcessInstance access = authorizedExternal();
    ClockUtil.setCurrentTime(at("2026-11-23T09:40"));
    complete(access, Map.of("workMatched", true, "sessionNotes", "Terminó antes de lo previsto"));
    assertThat(grant(access).state()).isEqualTo("closed");
    assertThat(grant(access).endedAt()).isBefore(grant(access).windowEnd());
    assertThat(access).isWaitingAt("Task_RecordReport");
    assertThat(runtimeService.getVariable(access.getId(), "sessionEnd")).isEqualTo("closed");
    String taskId = task(access).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("reportWaived", true)))
        .hasRootCauseInstanceOf(InvalidInputException.class);
    complete(access, Map.of("reportReceived", true, "workReport", "Actualización aplicada en 40 minutos"));
    assertThat(access).isEnded().hasPassed("EndEvent_AccessClosed");
  }

  @Test
  void anAlertRevokesTheIdentifierAtOnceAndOpensAnInvestigation() throws Exception {
    ProcessInstance access = authorizedExternal();
    String identifier = identifierSentTo("soporte@proveedor.example", access);
    assertThat(identifiers.verify(workOrder(access), identifier)).isTrue();

    runtimeService.createMessageCorrelation("remote-access-deviation-alert")
        .processInstanceBusinessKey(access.getBusinessKey()).correlate();
    runAsyncSteps(access);

    assertThat(grant(access).state()).isEqualTo("revoked");
    assertThat(identifiers.verify(workOrder(access), identifier)).isFalse();
    assertThat(access).isWaitingAt("Task_InvestigateAlert");
    Jobs.assertCandidateGroup(taskService, task(access), "director-ti");
    assertThat(Jobs.message(mail.getReceivedMessages(), "ALERTA").getAllRecipients()[0].toString())
        .isEqualTo("direccion-tecnologia@institucion.gob");
    complete(access, Map.of("findings", "Intentó copiar archivos fuera de la orden", "measures", "Contrato revisado"));
    // issue 14, RA-6: a revoked external session still asks for the report of what was done
    assertThat(access).isWaitingAt("Task_RecordReport");
    assertThat(runtimeService.getVariable(access.getId(), "sessionEnd")).isEqualTo("revoked");
    complete(access, Map.of("reportReceived", true, "workReport", "La empresa informa los archivos que abrió"));
    assertThat(access).isEnded().hasPassed("Task_InvestigateAlert", "Task_RecordReportOutcome",
        "EndEvent_AccessClosed");
    assertThat(grant(access).state()).isEqualTo("revoked");
    assertThat(grant(access).workReport()).isEqualTo("La empresa informa los archivos que abrió");
  }

  @Test
  void anInternalSessionRevokedByAnAlertIsInvestigatedWithoutAReport() {
    ProcessInstance access = request("internal", "updates");
    complete(access, Map.of("technicianConfirmed", true));
    runtimeService.createMessageCorrelation("remote-access-deviation-alert")
        .processInstanceBusinessKey(access.getBusinessKey()).correlate();
    runAsyncSteps(access);
    complete(access, Map.of("findings", "Falsa alarma: el técnico reinició el equipo"));
    assertThat(access).isEnded().hasPassed("Task_InvestigateAlert", "EndEvent_AccessClosed")
        .hasNotPassed("Task_RecordReport");
  }

  @Test
  void workThatDepartedFromTheOrderIsAlsoAnAlert() {
    ProcessInstance access = authorizedExternal();
    complete(access, Map.of("workMatched", false, "sessionNotes", "Abrió carpetas de contabilidad"));
    assertThat(access).isWaitingAt("Task_InvestigateAlert");
    assertThat(grant(access).state()).isEqualTo("revoked");
    complete(access, Map.of("findings", "Abrió carpetas ajenas a la orden"));
    // issue 14, RA-6: the report (or the Director's waiver with its reason) is still asked
    assertThat(access).isWaitingAt("Task_RecordReport");
    complete(access, Map.of("reportWaived", true, "waiverReason", "La investigación ya recoge lo que hizo"));
    assertThat(access).isEnded().hasPassed("EndEvent_AccessClosed");
    assertThat(grant(access).reportWaived()).isTrue();
  }

  @Test
  void anExternalSessionClosesOnlyWithTheReport() {
    ProcessInstance access = authorizedExternal();
    complete(access, Map.of("workMatched", true, "sessionNotes", "Se actualizó el sistema de planillas"));
    assertThat(access).isWaitingAt("Task_RecordReport");
    assertThat(grant(access).state()).isEqualTo("closed");
    String taskId = task(access).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("reportReceived", false, "reportWaived", false)))
        .hasRootCauseInstanceOf(InvalidInputException.class);
    complete(access, Map.of("reportReceived", true, "workReport", "Actualización 4.2 aplicada; sin incidentes"));
    assertThat(access).isEnded().hasPassed("EndEvent_AccessClosed");
    assertThat(grant(access).workReport()).isEqualTo("Actualización 4.2 aplicada; sin incidentes");
  }

  @Test
  void theTechnologyDirectorMayWaiveTheReport() {
    ProcessInstance access = authorizedExternal();
    complete(access, Map.of("workMatched", true, "sessionNotes", "Trabajo breve"));
    complete(access, Map.of("reportReceived", false, "reportWaived", true,
        "waiverReason", "Trabajo de cinco minutos supervisado"));
    assertThat(access).isEnded();
    assertThat(grant(access).reportWaived()).isTrue();
  }

  @Test
  void theClearIdentifierIsInNoVariableHistoryEntryOrLogLine(CapturedOutput log) throws Exception {
    ProcessInstance access = authorizedExternal();
    String identifier = identifierSentTo("soporte@proveedor.example", access);
    assertThat(identifier).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
    complete(access, Map.of("workMatched", true, "sessionNotes", "Listo"));
    complete(access, Map.of("reportReceived", true, "workReport", "Listo"));

    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(access.getId()).list()) {
      assertThat(String.valueOf(variable.getValue())).doesNotContain(identifier);
    }
    for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(access.getId()).list()) {
      assertThat(detail.toString()).doesNotContain(identifier);
    }
    assertThat(log.getAll()).doesNotContain(identifier);
    RemoteAccessGrant grant = grant(access);
    assertThat(grant.identifierHash()).isEqualTo(AccessIdentifiers.hash(identifier)).doesNotContain(identifier);
  }

  // --- helpers ---

  private ProcessInstance request(String kind, String purpose) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("accessKind", kind);
    variables.put("purpose", purpose);
    variables.put("workDescription", "Actualizar el sistema de planillas a la versión 4.2");
    variables.put("assetTag", "INV-0215");
    variables.put("staffMember", "julia.jefa");
    variables.put("staffMemberName", "Julia Jefa");
    variables.put("staffMemberEmail", "julia.jefa@institucion.gob");
    variables.put("areaOffice", "metropolitan");
    variables.put("windowStart", "2026-11-23T09:00");
    variables.put("windowEnd", "2026-11-23T12:00");
    if ("internal".equals(kind)) {
      variables.put("technician", "usuario.sin.correo");
    } else {
      variables.put("externalCompany", "Proveedor de Planillas S.A.");
      variables.put("externalPersonName", "Carlos Externo");
      variables.put("externalPersonEmail", "soporte@proveedor.example");
    }
    ProcessInstance access = runtimeService.startProcessInstanceByKey("remote-access", variables);
    assertThat(access.getBusinessKey()).matches("OT-2026-\\d{6}");
    runAsyncSteps(access);
    return access;
  }

  private ProcessInstance vouched(ProcessInstance access) {
    complete(access, Map.of("relationshipVerified", true, "identityConfirmed", true, "vouched", true));
    return access;
  }

  private ProcessInstance authorizedExternal() {
    ProcessInstance access = vouched(request("external", "updates"));
    complete(access, Map.of("accessAuthorized", true, "windowStart", "2026-11-23T09:00",
        "windowEnd", "2026-11-23T12:00"));
    assertThat(access).isWaitingAt("Task_MonitorSession");
    return access;
  }

  private String identifierSentTo(String recipient, ProcessInstance access) throws Exception {
    var message = Jobs.message(mail.getReceivedMessages(), "Identificador de acceso remoto — orden "
        + access.getBusinessKey());
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo(recipient);
    Matcher found = IDENTIFIER.matcher((String) message.getContent());
    assertThat(found.find()).isTrue();
    return found.group(1);
  }

  private RemoteAccessGrant grant(ProcessInstance access) {
    return grants.findByWorkOrder(workOrder(access)).orElseThrow();
  }

  private static String workOrder(ProcessInstance access) {
    return access.getBusinessKey();
  }

  private void complete(ProcessInstance access, Map<String, Object> variables) {
    taskService.complete(task(access).getId(), variables);
    runAsyncSteps(access);
  }

  private Task task(ProcessInstance access) {
    return Jobs.onlyTask(taskService, access);
  }

  private void runAsyncSteps(ProcessInstance access) {
    Jobs.runAsyncSteps(managementService, access);
  }
}
