package org.mesadeayuda.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mesadeayuda.OfficeTime.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/email-account.bpmn (EM-1, EM-2), driven with the variables the forms send. */
@MesaSpringTest
class EmailAccountProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String REQUESTER_EMAIL = "carlos.perez.contacto@correo.example";
  static final String TECHNOLOGY_HEAD = "direccion-tecnologia@institucion.gob";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired EmailAccountRequestRepository requests;

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
  void anAuthorizedAccountIsLoadedAsAMinistryTicketAndTheUserIsToldItsAddress() throws Exception {
    ProcessInstance request = request(creation());
    assertThat(request.getBusinessKey()).matches("COR-2026-\\d{6}");
    assertThat(request).isWaitingAt("Task_AuthorizeCreation");
    Task authorize = task(request);
    Jobs.assertCandidateGroup(taskService, authorize, "directores-area");
    // the task header names the department as people know it
    assertThat(taskService.getVariable(authorize.getId(), "departmentName")).isEqualTo("Operaciones");

    taskService.setAssignee(authorize.getId(), "andres.area");
    complete(request, Map.of("requestApproved", true));
    assertThat(request).isWaitingAt("Task_RecordMinistryTicket");
    assertThat(row(request).status()).isEqualTo("approved");
    assertThat(row(request).decidedBy()).isEqualTo("andres.area");
    Task load = task(request);
    Jobs.assertCandidateGroup(taskService, load, "tecnicos");
    Jobs.assertCandidateGroup(taskService, load, "director-ti");

    taskService.setAssignee(load.getId(), "tomas.tecnico");
    complete(request, Map.of("ministryTicketNumber", " dti-2026-4512 "));
    assertThat(request).isWaitingAt("Task_RecordMinistryAnswer");
    EmailAccountRequest submitted = row(request);
    assertThat(submitted.status()).isEqualTo("submitted");
    assertThat(submitted.ministryTicketNumber()).isEqualTo("DTI-2026-4512");
    assertThat(submitted.submittedBy()).isEqualTo("tomas.tecnico");
    // the ministry has 3 business days: Monday 09:00 → Thursday 09:00
    assertThat(task(request).getDueDate()).isEqualTo(at("2026-11-26T09:00"));

    complete(request, Map.of("ministryOutcome", "done", "accountAddress", "carlos.perez@mineco.gob.gt"));
    assertThat(request).isEnded().hasPassed("Task_NotifyAnswer", "EndEvent_UserInformed")
        .hasNotPassed("Task_RemindFollowUp");
    EmailAccountRequest answered = row(request);
    assertThat(answered.status()).isEqualTo("answered");
    assertThat(answered.outcome()).isEqualTo("done");
    assertThat(answered.accountAddress()).isEqualTo("carlos.perez@mineco.gob.gt");
    MimeMessage told = Jobs.message(mail.getReceivedMessages(), "Cuenta de correo creada — " + request.getBusinessKey());
    assertThat(told.getAllRecipients()[0].toString()).isEqualTo(REQUESTER_EMAIL);
    assertThat((String) told.getContent()).contains("Dirección: carlos.perez@mineco.gob.gt", "DTI-2026-4512",
        "se las entrega directamente el Ministerio");
  }

  @Test
  void aRefusalNeedsAReasonWhichTheRequesterReceives() throws Exception {
    ProcessInstance request = request(creation());
    String taskId = task(request).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("requestApproved", false)))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("motivo");
    assertThat(request).isWaitingAt("Task_AuthorizeCreation");

    complete(request, Map.of("requestApproved", false, "refusalReason", "El puesto no requiere correo institucional"));
    assertThat(request).isEnded().hasPassed("EndEvent_RequestRefused").hasNotPassed("Task_RecordMinistryTicket");
    assertThat(row(request).status()).isEqualTo("refused");
    assertThat(row(request).refusalReason()).isEqualTo("El puesto no requiere correo institucional");
    MimeMessage refusal = Jobs.message(mail.getReceivedMessages(), "Solicitud de correo no autorizada — "
        + request.getBusinessKey());
    assertThat(refusal.getAllRecipients()[0].toString()).isEqualTo(REQUESTER_EMAIL);
    assertThat((String) refusal.getContent()).contains("Motivo: El puesto no requiere correo institucional",
        "por la Dirección");
  }

  @Test
  void aPasswordResetIsSignedByTheImmediateBossThenLoadedAndTheUserIsTold() throws Exception {
    ProcessInstance request = request(reset());
    assertThat(request).isWaitingAt("Task_ApprovePasswordReset");
    Task sign = task(request);
    // the test profile names julia.jefa as head of Operaciones; the group still sees the task
    assertThat(sign.getAssignee()).isEqualTo("julia.jefa");
    Jobs.assertCandidateGroup(taskService, sign, "jefes-proceso");

    complete(request, Map.of("requestApproved", true));
    assertThat(row(request).decidedBy()).isEqualTo("julia.jefa");
    complete(request, Map.of("ministryTicketNumber", "458123"));
    assertThat(request).isWaitingAt("Task_RecordMinistryAnswer");

    // a password typed in the answer is refused: the ministry delivers credentials itself
    String answerId = task(request).getId();
    assertThatThrownBy(() -> taskService.complete(answerId, Map.of("ministryOutcome", "done",
        "ministryAnswer", "Contraseña: Temporal2026")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("No escriba contraseñas");

    complete(request, Map.of("ministryOutcome", "done", "ministryAnswer", "Cambie la contraseña al ingresar"));
    assertThat(request).isEnded().hasPassed("EndEvent_UserInformed").hasNotPassed("Task_AuthorizeCreation");
    assertThat(row(request).accountAddress()).isEqualTo("carlos.perez@mineco.gob.gt");
    MimeMessage told = Jobs.message(mail.getReceivedMessages(), "Contraseña de correo reiniciada — "
        + request.getBusinessKey());
    assertThat((String) told.getContent()).contains("reinició la contraseña de su cuenta de correo "
        + "carlos.perez@mineco.gob.gt", "458123", "se las entrega directamente el Ministerio");
    // no password anywhere in the case's variables
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(request.getId()).list())
        .noneMatch(variable -> String.valueOf(variable.getValue()).contains("Temporal2026"));
  }

  @Test
  void aPasswordResetTheBossDoesNotSignIsRefusedWithTheReason() throws Exception {
    ProcessInstance request = request(reset());
    complete(request, Map.of("requestApproved", false, "refusalReason", "Debe pedirlo en persona"));
    assertThat(request).isEnded().hasPassed("EndEvent_RequestRefused");
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "Solicitud de correo no autorizada").getContent())
        .contains("por su jefe inmediato", "Motivo: Debe pedirlo en persona");
  }

  @Test
  void aSilentMinistryRemindsTechnologyEveryThreeBusinessDaysAndTheTaskStays() throws Exception {
    ProcessInstance request = loadedInTheMinistryDesk(); // Monday 23 November 09:00: the answer is due Thursday 09:00

    // the daily check on Tuesday finds the ministry still in time: no e-mail
    dailyCheckAt("2026-11-24T10:00", request);
    assertThat(request).hasPassed("EndEvent_StillInTime").hasNotPassed("Task_RemindFollowUp")
        .isWaitingAt("Task_RecordMinistryAnswer");
    assertThat(mail.getReceivedMessages()).isEmpty();

    // Thursday after 09:00 the deadline has passed: the head of IT is reminded, the task stays
    dailyCheckAt("2026-11-26T10:00", request);
    assertThat(request).hasPassed("Task_RemindFollowUp", "EndEvent_FollowUpReminded")
        .isWaitingAt("Task_RecordMinistryAnswer");
    MimeMessage reminder = Jobs.message(mail.getReceivedMessages(), "Recordatorio: el Ministerio no ha respondido — "
        + request.getBusinessKey());
    assertThat(reminder.getAllRecipients()[0].toString()).isEqualTo(TECHNOLOGY_HEAD);
    assertThat((String) reminder.getContent()).contains("ticket DTI-77881");
    assertThat(row(request).remindersSent()).isEqualTo(1);

    // the next reminder comes 3 business days later (Tuesday 1 December), not on Friday
    dailyCheckAt("2026-11-27T10:00", request);
    assertThat(mail.getReceivedMessages()).hasSize(1);
    dailyCheckAt("2026-12-01T10:01", request);
    assertThat(mail.getReceivedMessages()).hasSize(2);
    assertThat(row(request).remindersSent()).isEqualTo(2);

    complete(request, Map.of("ministryOutcome", "refused", "ministryAnswer", "El alias ya existe"));
    assertThat(request).isEnded().hasPassed("EndEvent_UserInformed");
    assertThat(row(request).outcome()).isEqualTo("refused");
    assertThat(managementService.createJobQuery().processInstanceId(request.getId()).count()).isZero();
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "El Ministerio no atendió su solicitud de correo")
        .getContent()).contains("Motivo: El alias ya existe");
  }

  @Test
  void aBadMinistryTicketNumberIsRefusedAndTheTaskStays() {
    ProcessInstance request = request(creation());
    complete(request, Map.of("requestApproved", true));
    String taskId = task(request).getId();
    for (String bad : new String[] {"", "ab", "sin número", "ticket 12", request.getBusinessKey()}) {
      assertThatThrownBy(() -> taskService.complete(taskId, Map.of("ministryTicketNumber", bad)))
          .as(bad).hasRootCauseInstanceOf(InvalidInputException.class);
    }
    assertThat(request).isWaitingAt("Task_RecordMinistryTicket");
    assertThat(row(request).ministryTicketNumber()).isNull();
  }

  @Test
  void anAccountWithoutWhatTheSuaAsksIsNotStarted() {
    Map<String, Object> withoutJustification = creation();
    withoutJustification.remove("justification");
    assertThatThrownBy(() -> request(withoutJustification)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Justificación (justification): es obligatorio");
    Map<String, Object> resetWithoutAccount = reset();
    resetWithoutAccount.remove("existingAccount");
    assertThatThrownBy(() -> request(resetWithoutAccount)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Cuenta de correo cuya contraseña se reinicia (existingAccount): es obligatorio");
  }

  @Test
  void anAnswerMustSayWhatTheMinistryDid() {
    ProcessInstance request = loadedInTheMinistryDesk();
    String taskId = task(request).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("ministryOutcome", "done")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("dirección de correo");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("ministryOutcome", "refused")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("motivo");
    assertThat(request).isWaitingAt("Task_RecordMinistryAnswer");
  }

  // --- helpers ---

  /** Moves the clock and runs the daily check as the job executor would (the cron timer re-arms itself). */
  private void dailyCheckAt(String localDateTime, ProcessInstance request) {
    ClockUtil.setCurrentTime(at(localDateTime));
    Job timer = managementService.createJobQuery().processInstanceId(request.getId()).timers().singleResult();
    managementService.executeJob(timer.getId());
    Jobs.runAsyncSteps(managementService, request);
  }

  private ProcessInstance loadedInTheMinistryDesk() {
    ProcessInstance request = request(creation());
    complete(request, Map.of("requestApproved", true));
    complete(request, Map.of("ministryTicketNumber", "DTI-77881"));
    return request;
  }

  private ProcessInstance request(Map<String, Object> form) {
    ProcessInstance request = runtimeService.startProcessInstanceByKey("email-account", form);
    Jobs.runAsyncSteps(managementService, request);
    return request;
  }

  private static Map<String, Object> person() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Carlos Pérez");
    variables.put("requesterEmail", REQUESTER_EMAIL);
    variables.put("department", "operaciones");
    variables.put("immediateBoss", "Julia Jefa");
    return variables;
  }

  private static Map<String, Object> creation() {
    Map<String, Object> variables = person();
    variables.put("requestType", "creation");
    variables.put("position", "Analista de quejas");
    variables.put("requestedAccount", "carlos.perez");
    variables.put("justification", "Atiende quejas de consumidores por correo");
    return variables;
  }

  private static Map<String, Object> reset() {
    Map<String, Object> variables = person();
    variables.put("requestType", "password_reset");
    variables.put("existingAccount", "carlos.perez@mineco.gob.gt");
    return variables;
  }

  private EmailAccountRequest row(ProcessInstance request) {
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
