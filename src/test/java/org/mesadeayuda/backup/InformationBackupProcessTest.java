package org.mesadeayuda.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mesadeayuda.OfficeTime.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.MailOutboxSender;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/information-backup.bpmn (BK-1..BK-4), driven with the variables the forms send. */
@MesaSpringTest
class InformationBackupProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String REQUESTER_EMAIL = "ana.lopez@institucion.gob";
  static final String STORAGE = "Servidor de respaldos, carpeta RES/2026";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired BackupRequestRepository requests;
  @Autowired MailOutboxSender outboxSender;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    mail.purgeEmailFromAllMailboxes();
    ClockUtil.setCurrentTime(at("2026-11-23T09:00")); // a Monday
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aOneTimeCopyIsMadeKeptByTechnologyAndTheRequesterIsTold() throws Exception {
    ProcessInstance request = request("server_folder", "one_time", Map.of());
    assertThat(request.getBusinessKey()).matches("RES-2026-\\d{6}");
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "Solicitud de respaldo recibida — "
        + request.getBusinessKey()).getContent()).contains("Copia única").doesNotContain("computadora personal");
    assertThat(request).isWaitingAt("Task_PerformBackup");
    Task perform = task(request);
    Jobs.assertCandidateGroup(taskService, perform, "tecnicos");
    // due in 2 business days, at the close of the second: Monday 09:00 → Wednesday at closing
    assertThat(perform.getDueDate()).isEqualTo(at("2026-11-25T16:00"));

    complete(request, copy("backup_server", null));
    assertThat(request).isEnded().hasPassed("EndEvent_BackupDone");
    BackupRequest row = row(request);
    assertThat(row.status()).isEqualTo("done");
    assertThat(row.storageLocation()).isEqualTo(STORAGE);
    assertThat(row.copySize()).isEqualTo("2,4 GB");
    assertThat(row.copyMedium()).isEqualTo("backup_server");
    assertThat(row.copiedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "Respaldo realizado — " + request.getBusinessKey())
        .getContent()).contains("Dónde se conserva: " + STORAGE, "2,4 GB",
            TestMail.myRequestsLink(request.getBusinessKey()));
  }

  @Test
  void aPersonalComputerIsCopiedOnceAndTheCaseRecordsTheUserWasInformed() throws Exception {
    assertRefused(() -> request("personal_computer", "one_time", Map.of()), "su responsabilidad");
    assertRefused(() -> request("personal_computer", "scheduled", Map.of(
        "personalComputerResponsibilityAcknowledged", true, "requestedSchedule", "cada viernes")),
        "Solo se programan respaldos de información del servidor");

    ProcessInstance request = request("personal_computer", "one_time",
        Map.of("personalComputerResponsibilityAcknowledged", true));
    assertThat(runtimeService.getVariable(request.getId(), "userResponsibilityInformed")).isEqualTo(true);
    assertThat(row(request).userResponsibilityInformed()).isTrue();
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "Solicitud de respaldo recibida").getContent())
        .contains("la información contenida en su computadora personal es su");
    assertThat(request).isWaitingAt("Task_PerformBackup");
  }

  @Test
  void aScheduledServerBackupRecordsItsScheduleInsteadOfACopy() throws Exception {
    ProcessInstance request = request("database", "scheduled", Map.of("requestedSchedule", "cada viernes"));
    assertThat(request).isWaitingAt("Task_PerformBackup");
    String taskId = task(request).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("storageLocation", "\\\\respaldos\\planillas")))
        .hasRootCauseInstanceOf(InvalidInputException.class);
    complete(request, Map.of("storageLocation", "\\\\respaldos\\planillas",
        "backupSchedule", "Cada viernes a las 17:00, se conservan 4 semanas"));
    assertThat(request).isEnded().hasPassed("EndEvent_BackupDone");
    assertThat(row(request).backupSchedule()).isEqualTo("Cada viernes a las 17:00, se conservan 4 semanas");
    assertThat(row(request).copySize()).isNull();
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "Respaldo realizado").getContent())
        .contains("Programación: Cada viernes a las 17:00");
  }

  @Test
  void aCopyToARemovableMediumNeedsTheAreaDirectorWhoConfirmsTheDataStays() throws Exception {
    ProcessInstance request = request("server_folder", "removable_medium", Map.of("requestedMedium", "usb"));
    assertThat(request).isWaitingAt("Task_AuthorizeCopy");
    Task authorize = task(request);
    Jobs.assertCandidateGroup(taskService, authorize, "directores-area");

    // authorizing without confirming that the data stays in the institution is refused and the task stays
    String taskId = authorize.getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("copyAuthorized", true, "authorizedMedium", "usb",
        "dataStaysInInstitution", false))).hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause().hasMessageContaining("no saldrán de la institución");
    assertThat(request).isWaitingAt("Task_AuthorizeCopy");

    taskService.setAssignee(taskId, "andres.area");
    complete(request, Map.of("copyAuthorized", true, "authorizedMedium", "external_disk",
        "dataStaysInInstitution", true));
    assertThat(request).isWaitingAt("Task_PerformBackup");
    BackupRequest authorized = row(request);
    assertThat(authorized.status()).isEqualTo("authorized");
    assertThat(authorized.decidedBy()).isEqualTo("andres.area");
    assertThat(authorized.dataStaysConfirmed()).isTrue();

    // the copy goes on the medium the director authorized, with its label
    String performId = task(request).getId();
    assertThatThrownBy(() -> taskService.complete(performId, copy(null, null)))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("etiqueta");
    taskService.setAssignee(performId, "tomas.tecnico");
    complete(request, copy(null, "DISCO-07"));
    assertThat(request).isEnded().hasPassed("EndEvent_BackupDone");
    BackupRequest done = row(request);
    assertThat(done.copyMedium()).isEqualTo("external_disk");
    assertThat(done.mediumLabel()).isEqualTo("DISCO-07");
    assertThat(done.performedBy()).isEqualTo("tomas.tecnico");
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "Respaldo realizado").getContent())
        .contains("Disco duro externo (etiqueta DISCO-07)", "no pueden salir de la institución");
  }

  @Test
  void aRefusalNeedsAReasonWhichTheRequesterReceives() throws Exception {
    ProcessInstance request = request("server_folder", "removable_medium", Map.of("requestedMedium", "usb"));
    String taskId = task(request).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("copyAuthorized", false)))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("motivo");
    assertThat(request).isWaitingAt("Task_AuthorizeCopy");

    complete(request, Map.of("copyAuthorized", false,
        "refusalReason", "La información contiene datos personales de los usuarios"));
    assertThat(request).isEnded().hasPassed("EndEvent_BackupRefused").hasNotPassed("Task_PerformBackup");
    assertThat(row(request).status()).isEqualTo("refused");
    var refusal = Jobs.message(mail.getReceivedMessages(), "Copia de respaldo no autorizada — "
        + request.getBusinessKey());
    assertThat(refusal.getAllRecipients()[0].toString()).isEqualTo(REQUESTER_EMAIL);
    assertThat((String) refusal.getContent()).contains("Motivo: La información contiene datos personales",
        "Memoria USB");
  }

  /** Issue 13: the acknowledgement waits in the outbox instead of failing its job and holding up the request. */
  @Test
  void aMailServerThatIsDownDoesNotHoldUpTheRequestAndTheAcknowledgementLeavesOnceItIsBack() throws Exception {
    ProcessInstance request;
    // e-mails that earlier tests of the shared context left waiting would be tried first: send them now
    while (outboxSender.sendDue(Instant.now().plus(Duration.ofDays(30))) > 0) {
      // until none is due
    }
    mail.purgeEmailFromAllMailboxes();
    mail.stop();
    try {
      request = request("server_folder", "one_time", Map.of());
      assertThat(request).isWaitingAt("Task_PerformBackup");
      assertThat(runtimeService.createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
      assertThat(requests.findByCaseNumber(request.getBusinessKey())).isPresent();
    } finally {
      mail.start();
    }
    assertThat(mail.getReceivedMessages()).isEmpty();
    outboxSender.sendDue(Instant.now().plus(Duration.ofHours(1)));
    assertThat(mail.getReceivedMessages()).hasSize(1);
    Jobs.message(mail.getReceivedMessages(), "Solicitud de respaldo recibida — " + request.getBusinessKey());
  }

  // --- helpers ---

  private ProcessInstance request(String location, String kind, Map<String, Object> extra) {
    ProcessInstance request = runtimeService.startProcessInstanceByKey("information-backup",
        form(location, kind, extra));
    Jobs.runAsyncSteps(managementService, request);
    return request;
  }

  private static Map<String, Object> form(String location, String kind, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Ana López");
    variables.put("requesterEmail", REQUESTER_EMAIL);
    variables.put("department", "operaciones");
    variables.put("informationDescription", "Contratos de arrendamiento 2025 escaneados");
    variables.put("informationLocation", location);
    variables.put("locationDetail", "\\\\servidor\\operaciones\\contratos");
    variables.put("backupKind", kind);
    variables.putAll(extra);
    return variables;
  }

  private static Map<String, Object> copy(String medium, String label) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("storageLocation", STORAGE);
    variables.put("copySize", "2,4 GB");
    variables.put("copiedOn", "2026-11-23");
    if (medium != null) {
      variables.put("copyMedium", medium);
    }
    if (label != null) {
      variables.put("mediumLabel", label);
    }
    return variables;
  }

  private void assertRefused(Runnable start, String reason) {
    assertThatThrownBy(start::run).satisfies(thrown -> {
      Throwable cause = thrown;
      while (cause != null && !(cause instanceof InvalidInputException)) {
        cause = cause.getCause();
      }
      assertThat(cause).isNotNull().hasMessageContaining(reason);
    });
  }

  private BackupRequest row(ProcessInstance request) {
    return requests.findByCaseNumber(request.getBusinessKey()).orElseThrow();
  }

  private void complete(ProcessInstance request, Map<String, Object> variables) {
    taskService.complete(task(request).getId(), variables);
    Jobs.runAsyncSteps(managementService, request);
  }

  private Task task(ProcessInstance request) {
    return Jobs.onlyTask(taskService, request);
  }
}
