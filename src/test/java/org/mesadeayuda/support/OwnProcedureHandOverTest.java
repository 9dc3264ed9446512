package org.mesadeayuda.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestMail;
import org.mesadeayuda.TestUsers;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14: a ticket whose type has its own procedure (backup, e-mail account, password reset, remote access) starts
 * it with the same ticket number and the data the requester already gave, waits for it (no technician's task to mark
 * it solved around it) and is resolved with the procedure's outcome, then closed by the desk and rated as any ticket.
 */
@MesaSpringTest
class OwnProcedureHandOverTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  /** Monday 9 November 2026, 09:00 in Guatemala: a plain business week. */
  static final ZonedDateTime MONDAY_9 = SupportRequestProcessTest.MONDAY_9;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired SupportTicketRepository tickets;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    // the head who signs a password reset (EM-2), as the e-mail account tests name her
    TestUsers.create(identityService, "julia.jefa", "jefes-proceso", "clave-em-2");
    ClockUtil.setCurrentTime(Date.from(MONDAY_9.toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- backup (BK-1..BK-4) ---------------------------------------------------------------------------------

  @Test
  void aBackupToARemovableMediumWaitsForTheAreaDirectorAndTheTicketClosesRefusedWithTheReason() {
    Map<String, Object> variables = ticket("backup", "Carpeta de planillas 2026 del departamento de operaciones");
    variables.put("informationLocation", "server_folder");
    variables.put("locationDetail", "\\\\servidor\\operaciones\\planillas");
    variables.put("backupKind", "removable_medium");
    variables.put("requestedMedium", "usb");
    ProcessInstance ticket = startAndAssign(variables, "backup");

    assertThat(ticket).isWaitingAt("CallActivity_InformationBackup");
    ProcessInstance backup = procedure(ticket);
    assertThat(backup.getBusinessKey()).isEqualTo(ticket.getBusinessKey());
    assertThat(backup.getProcessDefinitionId()).startsWith("information-backup:");
    // the requester is not asked again: the backup case holds what the ticket's start form held
    assertThat(runtimeService.getVariables(backup.getId())).containsEntry("informationDescription",
            "Carpeta de planillas 2026 del departamento de operaciones")
        .containsEntry("requestedMedium", "usb").containsEntry("requestedBy", "ana.solicitante")
        .containsEntry("requesterEmail", "ana.lopez@institucion.gob").containsEntry("caseNumber",
            ticket.getBusinessKey());
    assertThat(jdbc.sql("SELECT information_description FROM backup_request WHERE case_number = ?")
        .param(ticket.getBusinessKey()).query(String.class).single()).startsWith("Carpeta de planillas");
    // BK-4: the copy to another medium waits for the area director; the ticket offers nobody a task to solve it
    assertThat(backup).isWaitingAt("Task_AuthorizeCopy");
    assertNoTicketTask(ticket);

    complete(backup, Map.of("copyAuthorized", false, "refusalReason", "La información no debe salir en USB"));
    settle(ticket);
    assertThat(backup).isEnded().hasPassed("EndEvent_BackupRefused");

    assertThat(ticket).isWaitingAt("Task_CloseTicket");
    SupportTicket row = tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow();
    assertThat(row.getProcedureOutcome()).isEqualTo("refused");
    assertThat(row.getWorkDone()).isEqualTo(
        "El director de área no autorizó la copia a un medio físico: La información no debe salir en USB");
    assertThat(row.getResolvedAt()).isNotNull();
    closeAndRate(ticket);
    assertThat(ticket).isEnded().hasPassed("Task_RecordProcedureOutcome").hasNotPassed("Task_AttendRequest");
  }

  @Test
  void aOneTimeBackupIsDoneInItsProcedureAndTheTicketClosesDoneWithWhereTheCopyIsKept() {
    Map<String, Object> variables = ticket("backup", "Documentos del proyecto de correos rurales");
    variables.put("informationLocation", "personal_computer");
    variables.put("locationDetail", "Equipo INV-0042, carpeta Documentos");
    variables.put("personalComputerResponsibilityAcknowledged", true);
    variables.put("backupKind", "one_time");
    ProcessInstance ticket = startAndAssign(variables, "backup");
    ProcessInstance backup = procedure(ticket);
    assertThat(backup).isWaitingAt("Task_PerformBackup");
    assertNoTicketTask(ticket);

    complete(backup, Map.of("storageLocation", "Servidor de respaldos, carpeta RES/2026", "copySize", "2,4 GB",
        "copyMedium", "backup_server", "copiedOn", "2026-11-09"));
    settle(ticket);
    assertThat(backup).isEnded().hasPassed("EndEvent_BackupDone");
    assertThat(ticket).isWaitingAt("Task_CloseTicket");
    SupportTicket row = tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow();
    assertThat(row.getProcedureOutcome()).isEqualTo("done");
    assertThat(row.getWorkDone()).isEqualTo("Copia realizada el 9/11/2026 y guardada en Servidor de respaldos, "
        + "carpeta RES/2026 (Servidor de respaldos de la institución).");
    assertThat(row.getSlaStatus()).isEqualTo("conforming");
  }

  @Test
  void theTicketsStartFormAsksWhatTheBackupNeedsOnlyForABackupAndTheEngineChecksIt() {
    // shown only for a backup: required then, and BK-2 / BK-3 refused before anything is numbered
    Map<String, Object> missing = ticket("backup", "Documentos del proyecto de correos rurales");
    assertRefused(missing, "backupKind");
    Map<String, Object> personal = ticket("backup", "Documentos del proyecto de correos rurales");
    personal.put("informationLocation", "personal_computer");
    personal.put("locationDetail", "Mi equipo");
    personal.put("backupKind", "scheduled");
    personal.put("requestedSchedule", "cada viernes");
    assertRefused(personal, "solo se programan respaldos de información del servidor");
    assertRefused(personal, "es su responsabilidad");
    // the same fields hidden for another type are not required
    ProcessInstance other = runtimeService.startProcessInstanceByKey("support-request",
        ticket("telephony", "El teléfono IP no tiene tono desde ayer"));
    assertThat(other).isNotNull();
  }

  // --- e-mail account (EM-1) and password reset (EM-2) ------------------------------------------------------

  @Test
  void anEmailAccountIsAuthorizedLoadedAtTheMinistryAndTheTicketClosesDoneExemptFromTheDeadline() {
    Map<String, Object> variables = ticket("email_account", "Nueva asistente del área de operaciones");
    variables.put("position", "Asistente administrativa");
    variables.put("requestedAccount", "asistente.operaciones");
    variables.put("immediateBoss", "julia.jefa");
    ProcessInstance ticket = startAndAssign(variables, "email_account");

    assertThat(ticket).isWaitingAt("CallActivity_EmailAccount");
    ProcessInstance account = procedure(ticket);
    assertThat(account.getBusinessKey()).isEqualTo(ticket.getBusinessKey());
    assertThat(runtimeService.getVariables(account.getId())).containsEntry("requestType", "creation")
        .containsEntry("justification", "Nueva asistente del área de operaciones")
        .containsEntry("position", "Asistente administrativa").containsEntry("requestedAccount",
            "asistente.operaciones");
    assertThat(account).isWaitingAt("Task_AuthorizeCreation");
    assertNoTicketTask(ticket);
    // SR-8 exception: the ministry's desk does the work, the ticket is out of the 3-business-day deadline
    SupportTicket handedOver = tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow();
    assertThat(handedOver.getSlaStatus()).isEqualTo("exempt");
    assertThat(handedOver.getExemptionReason()).isEqualTo("external_servers");
    ClockUtil.setCurrentTime(Date.from(MONDAY_9.plusDays(8).toInstant()));
    runDueTimers(ticket);
    assertThat(tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow().getSlaStatus())
        .isEqualTo("exempt");

    complete(account, Map.of("requestApproved", true));
    complete(account, Map.of("ministryTicketNumber", "DTI-2026-4512"));
    complete(account, Map.of("ministryOutcome", "done", "accountAddress", "asistente.operaciones@mineco.gob.gt"));
    settle(ticket);
    assertThat(account).isEnded();
    assertThat(ticket).isWaitingAt("Task_CloseTicket");
    SupportTicket row = tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow();
    assertThat(row.getProcedureOutcome()).isEqualTo("done");
    assertThat(row.getWorkDone()).contains("asistente.operaciones@mineco.gob.gt");
    assertThat(row.getSlaStatus()).isEqualTo("exempt");
    closeAndRate(ticket);
    assertThat(ticket).isEnded().hasNotPassed("Task_AttendRequest");
  }

  @Test
  void aPasswordResetGoesToTheBossSignatureAndTheTicketClosesRefusedWhenTheBossDoesNotSign() {
    Map<String, Object> variables = ticket("password_reset", "Olvidé la contraseña de mi correo institucional");
    variables.put("existingAccount", "ana.lopez@institucion.gob");
    variables.put("immediateBoss", "julia.jefa");
    ProcessInstance ticket = startAndAssign(variables, "password_reset");
    ProcessInstance reset = procedure(ticket);
    assertThat(reset.getBusinessKey()).isEqualTo(ticket.getBusinessKey());
    assertThat(runtimeService.getVariables(reset.getId())).containsEntry("requestType", "password_reset")
        .containsEntry("existingAccount", "ana.lopez@institucion.gob").containsEntry("immediateBoss", "julia.jefa");
    // EM-2: the format signed by the immediate boss, before anything reaches the ministry
    assertThat(reset).isWaitingAt("Task_ApprovePasswordReset");
    assertNoTicketTask(ticket);

    complete(reset, Map.of("requestApproved", false, "refusalReason", "Debe pedirlo en persona"));
    settle(ticket);
    assertThat(ticket).isWaitingAt("Task_CloseTicket");
    SupportTicket row = tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow();
    assertThat(row.getProcedureOutcome()).isEqualTo("refused");
    assertThat(row.getWorkDone()).isEqualTo("El jefe inmediato no firmó el restablecimiento: Debe pedirlo en persona");
  }

  @Test
  void aPasswordResetNamesASignerWhoIsTheRequestersBossNotTheRequesterAsTheTicketStarts() {
    Map<String, Object> variables = ticket("password_reset", "Olvidé la contraseña de mi correo institucional");
    variables.put("existingAccount", "ana.lopez@institucion.gob");
    // a department head asking for her own reset is signed by her own boss, never by herself
    variables.put("requester", "julia.jefa");
    variables.put("immediateBoss", "julia.jefa");
    assertRefused(variables, "no puede firmar su propio reinicio");
    // chosen from the engine's list of signers (issue 16): a typed name is none of them
    variables.put("immediateBoss", "Julia Jefa");
    assertRefused(variables, "no está entre las opciones de la lista");
  }

  @Test
  void theDeskCannotReclassifyIntoAProcedureTheTicketHasNoDetailsFor() {
    ProcessInstance ticket = start(SupportRequestProcessTest.formVariables());
    Task review = Jobs.onlyTask(taskService, ticket);
    assertInvalid(() -> taskService.complete(review.getId(), Map.of("requestType", "password_reset",
        "priority", "low", "technician", "marta.mesa", "supportLevel", "1", "resourcesAvailable", "yes")),
        "propio procedimiento");
    assertInvalid(() -> taskService.complete(review.getId(), Map.of("requestType", "password_reset",
        "priority", "low", "technician", "marta.mesa", "supportLevel", "1", "resourcesAvailable", "yes")),
        "existingAccount");
    assertThat(ticket).isWaitingAt("Task_ReviewAndAssign");
  }

  // --- remote access (RA-1..RA-6) -----------------------------------------------------------------------

  @Test
  void anInternalRemoteAccessIsConfirmedSupervisedByTheRequesterAndTheTicketClosesDone() {
    Map<String, Object> variables = remoteAccess("internal", "updates");
    ProcessInstance ticket = startAndAssign(variables, "remote_access");

    assertThat(ticket).isWaitingAt("CallActivity_RemoteAccess");
    ProcessInstance access = procedure(ticket);
    assertThat(access.getBusinessKey()).isEqualTo(ticket.getBusinessKey());
    // the work order is the ticket: the technician the desk assigned connects, the requester supervises
    assertThat(runtimeService.getVariables(access.getId())).containsEntry("workOrder", ticket.getBusinessKey())
        .containsEntry("technician", "tomas.tecnico").containsEntry("staffMember", "ana.solicitante")
        .containsEntry("workDescription", "Actualizar el controlador de la impresora del área")
        .containsEntry("assetTag", "INV-0042");
    // RA-1: the head of the area confirms the technician
    assertThat(access).isWaitingAt("Task_ConfirmTechnician");
    assertNoTicketTask(ticket);
    complete(access, Map.of("technicianConfirmed", true));
    assertThat(access).isWaitingAt("Task_MonitorSession");
    assertThat(Jobs.onlyTask(taskService, access).getAssignee()).isEqualTo("ana.solicitante");
    complete(access, Map.of("workMatched", true, "sessionNotes", "Se actualizó el controlador"));
    settle(ticket);
    assertThat(access).isEnded().hasPassed("EndEvent_AccessClosed");
    assertThat(jdbc.sql("SELECT state FROM remote_access_grant WHERE work_order = ?")
        .param(ticket.getBusinessKey()).query(String.class).single()).isEqualTo("closed");

    assertThat(ticket).isWaitingAt("Task_CloseTicket");
    SupportTicket row = tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow();
    assertThat(row.getProcedureOutcome()).isEqualTo("done");
    assertThat(row.getWorkDone()).startsWith("Conexión remota realizada para la orden de trabajo "
        + ticket.getBusinessKey());
    closeAndRate(ticket);
    assertThat(ticket).isEnded().hasNotPassed("Task_AttendRequest");
  }

  @Test
  void aRemoteAccessForAPurposeTheManualDoesNotAllowClosesTheTicketRefused() {
    ProcessInstance ticket = startAndAssign(remoteAccess("external", "other"), "remote_access");
    settle(ticket);
    assertThat(ticket).isWaitingAt("Task_CloseTicket");
    SupportTicket row = tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow();
    assertThat(row.getProcedureOutcome()).isEqualTo("refused");
    assertThat(row.getWorkDone()).startsWith("La conexión remota no fue autorizada: El propósito no está");
  }

  @Test
  void aRemoteAccessTicketNeedsTheEquipmentAndTheWindow() {
    // the window is the form's rule for this type; the equipment tag (optional for other types) the engine's
    Map<String, Object> noWindow = remoteAccess("internal", "updates");
    noWindow.remove("windowEnd");
    assertRefused(noWindow, "windowEnd");
    Map<String, Object> noEquipment = remoteAccess("internal", "updates");
    noEquipment.remove("assetTag");
    assertRefused(noEquipment, "Código de inventario del equipo (assetTag): es obligatorio");
  }

  // --- the procedures also start on their own, and honour the contract then too --------------------------

  @Test
  void anAcquisitionIsClassifiedAndDecidedByTheTechnologyDirectorAndTheTicketClosesWithTheRefusal() {
    ProcessInstance ticket = startAndAssign(ticket("hardware_software_acquisition",
        "Necesitamos dos escáneres para digitalizar expedientes"), "hardware_software_acquisition");

    assertThat(ticket).isWaitingAt("CallActivity_SpecialisedRequest");
    ProcessInstance specialised = procedure(ticket);
    assertThat(specialised.getBusinessKey()).isEqualTo(ticket.getBusinessKey());
    assertThat(runtimeService.getVariables(specialised.getId()))
        .containsEntry("description", "Necesitamos dos escáneres para digitalizar expedientes")
        .containsEntry("proposedKind", "acquisition");
    assertThat(specialised).isWaitingAt("Task_ClassifyRequest");
    assertNoTicketTask(ticket);
    // SR-8 exception: an acquisition depends on contracting a good
    SupportTicket handedOver = tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow();
    assertThat(handedOver.getSlaStatus()).isEqualTo("exempt");
    assertThat(handedOver.getExemptionReason()).isEqualTo("procurement");

    complete(specialised, Map.of("requestKind", "acquisition"));
    complete(specialised, Map.of("decision", "refuse", "refusalReason", "Sin presupuesto de inversión este año"));
    settle(ticket);
    assertThat(specialised).isEnded();
    assertThat(ticket).isWaitingAt("Task_CloseTicket");
    SupportTicket row = tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow();
    assertThat(row.getProcedureOutcome()).isEqualTo("refused");
    assertThat(row.getWorkDone()).contains("Sin presupuesto de inversión este año");
    closeAndRate(ticket);
    assertThat(ticket).isEnded().hasNotPassed("Task_AttendRequest");
  }

  @Test
  void aSoftwareDevelopmentGoesToItsOwnProcedureAndKeepsTheDeadlineTheManualGivesNoExceptionFor() {
    ProcessInstance ticket = startAndAssign(ticket("software_development",
        "Un módulo para registrar las quejas recibidas por teléfono"), "software_development");
    assertThat(ticket).isWaitingAt("CallActivity_SpecialisedRequest");
    assertThat(runtimeService.getVariables(procedure(ticket).getId())).containsEntry("proposedKind", "development");
    assertNoTicketTask(ticket);
    assertThat(tickets.findByTicketNumber(ticket.getBusinessKey()).orElseThrow().getSlaStatus())
        .isEqualTo("on_time");
  }

  @Test
  void aProcedureStartedOnItsOwnKeepsItsOwnNumberAndLeavesItsOutcome() {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("requesterName", "Ana López");
    variables.put("requesterEmail", "ana.lopez@institucion.gob");
    variables.put("department", "operaciones");
    variables.put("informationDescription", "Carpeta de planillas 2026");
    variables.put("informationLocation", "server_folder");
    variables.put("locationDetail", "\\\\servidor\\planillas");
    variables.put("backupKind", "removable_medium");
    variables.put("requestedMedium", "usb");
    ProcessInstance backup = runtimeService.startProcessInstanceByKey("information-backup", variables);
    Jobs.runAsyncSteps(managementService, backup);
    assertThat(backup.getBusinessKey()).matches("RES-2026-\\d{6}");
    complete(backup, Map.of("copyAuthorized", false, "refusalReason", "No corresponde"));
    Jobs.runAsyncSteps(managementService, backup);
    assertThat(backup).isEnded();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(backup.getId())
        .variableName("procedureOutcome").singleResult().getValue()).isEqualTo("refused");
  }

  // --- helpers ----------------------------------------------------------------------------------------------

  private static Map<String, Object> ticket(String requestType, String description) {
    Map<String, Object> variables = SupportRequestProcessTest.formVariables();
    variables.put("requestType", requestType);
    variables.put("description", description);
    return variables;
  }

  private static Map<String, Object> remoteAccess(String kind, String purpose) {
    Map<String, Object> variables = ticket("remote_access", "Actualizar el controlador de la impresora del área");
    variables.put("accessKind", kind);
    variables.put("purpose", purpose);
    variables.put("areaOffice", "metropolitan");
    variables.put("windowStart", "2026-11-10T09:00");
    variables.put("windowEnd", "2026-11-10T12:00");
    if ("external".equals(kind)) {
      variables.put("externalCompany", "Proveedor de Impresoras S.A.");
      variables.put("externalPersonName", "Carlos Externo");
      variables.put("externalPersonEmail", "soporte@proveedor.example");
    }
    return variables;
  }

  private ProcessInstance start(Map<String, Object> variables) {
    ProcessInstance ticket = runtimeService.startProcessInstanceByKey("support-request", variables);
    settle(ticket);
    return ticket;
  }

  private ProcessInstance startAndAssign(Map<String, Object> variables, String requestType) {
    ProcessInstance ticket = start(variables);
    Task review = Jobs.onlyTask(taskService, ticket);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewAndAssign");
    taskService.complete(review.getId(), Map.of("requestType", requestType, "priority", "medium",
        "technician", "tomas.tecnico", "supportLevel", "2", "resourcesAvailable", "yes"));
    settle(ticket);
    // SR-9: the technician's first contact is the ticket's first response, also before its procedure
    Task start = Jobs.onlyTask(taskService, ticket);
    assertThat(start.getTaskDefinitionKey()).isEqualTo("Task_StartAttention");
    taskService.complete(start.getId(), Map.of("firstContactChannel", "phone"));
    settle(ticket);
    return ticket;
  }

  private void assertRefused(Map<String, Object> variables, String text) {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("support-request").count();
    assertInvalid(() -> runtimeService.startProcessInstanceByKey("support-request", variables), text);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("support-request").count())
        .isEqualTo(before);
  }

  /** Refused with a clear Spanish reason ({@link InvalidInputException}, maybe wrapped by the engine). */
  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String text) {
    assertThatThrownBy(call).satisfies(thrown -> {
      Throwable cause = thrown;
      while (cause != null && !(cause instanceof InvalidInputException)) {
        cause = cause.getCause();
      }
      assertThat(cause).isNotNull().hasMessageContaining(text);
    });
  }

  /** The called procedure of the ticket (the ticket waits in its call activity). */
  private ProcessInstance procedure(ProcessInstance ticket) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(ticket.getId()).singleResult();
  }

  /** While its procedure runs, the ticket offers no task: nobody can mark it solved around the procedure. */
  private void assertNoTicketTask(ProcessInstance ticket) {
    assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).list()).isEmpty();
    assertThat(runtimeService.createExecutionQuery().processInstanceId(ticket.getId())
        .activityId("Task_AttendRequest").count()).isZero();
  }

  private void complete(ProcessInstance instance, Map<String, Object> variables) {
    taskService.complete(Jobs.onlyTask(taskService, instance).getId(), variables);
    Jobs.runAsyncSteps(managementService, instance);
  }

  private void closeAndRate(ProcessInstance ticket) {
    complete(ticket, Map.of("closingDecision", "close", "deskComment", "Verificado con la solicitante"));
    assertThat(ticket).isWaitingAt("Task_RateService");
    complete(ticket, Map.of("solutionVerified", "yes", "satisfaction", "conforme", "ratingComment", "Bien"));
  }

  /** Runs the async steps of the ticket and of the procedure it called, until both wait for a person or end. */
  private void settle(ProcessInstance ticket) {
    for (int round = 0; round < 30; round++) {
      List<String> instances = new ArrayList<>();
      instances.add(ticket.getId());
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(ticket.getId()).list()
          .forEach(called -> instances.add(called.getId()));
      List<Job> jobs = new ArrayList<>();
      instances.forEach(id -> jobs.addAll(managementService.createJobQuery().processInstanceId(id).messages().list()));
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("async steps did not settle");
  }

  /** Fires the ticket's timers due at the current engine time. */
  private void runDueTimers(ProcessInstance ticket) {
    for (int i = 0; i < 10; i++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(ticket.getId()).timers().executable()
          .list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
      settle(ticket);
    }
  }
}
