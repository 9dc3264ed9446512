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
import org.mesadeayuda.TestUsers;
import org.mesadeayuda.platform.Role;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/email-account.bpmn (EM-1, EM-2), driven with the variables the forms send. */
@MesaSpringTest
class EmailAccountProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String REQUESTER_EMAIL = "carlos.perez.contacto@correo.example";
  static final String TECHNOLOGY_HEAD = "direccion-tecnologia@institucion.gob";
  /** The immediate boss the requester names (a head of department, not the configured head of Operaciones). */
  static final String BOSS = "em.jefe-directo";
  /** The head of Operaciones in the test profile (mesa.institution.departments.operaciones.head-user). */
  static final String DEPARTMENT_HEAD = "julia.jefa";
  /** The department head's own boss. */
  static final String AREA_DIRECTOR = "em.directora";
  /** A user who heads nobody. */
  static final String STAFF = "em.funcionario";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired EmailAccountRequestRepository requests;
  @Autowired IdentityService identityService;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    TestUsers.create(identityService, BOSS, Role.JEFES_PROCESO.groupId(), "clave-em-2");
    TestUsers.create(identityService, DEPARTMENT_HEAD, Role.JEFES_PROCESO.groupId(), "clave-em-2");
    TestUsers.create(identityService, AREA_DIRECTOR, Role.DIRECTORES_AREA.groupId(), "clave-em-2");
    TestUsers.create(identityService, STAFF, Role.SOLICITANTES.groupId(), "clave-em-2");
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
    // the ministry has 3 business days: Monday 09:00 → Thursday at closing
    assertThat(task(request).getDueDate()).isEqualTo(at("2026-11-26T16:00"));

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
        "se las entrega directamente el Ministerio", TestMail.myRequestsLink(request.getBusinessKey()));
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
        "por la Dirección", TestMail.myRequestsLink(request.getBusinessKey()));
  }

  @Test
  void aPasswordResetIsSignedByTheImmediateBossThenLoadedAndTheUserIsTold() throws Exception {
    ProcessInstance request = request(reset());
    assertThat(request).isWaitingAt("Task_ApprovePasswordReset");
    Task sign = task(request);
    // issue 14: the boss the requester named signs, not the configured head of Operaciones (julia.jefa); the group
    // only sees the task
    assertThat(sign.getAssignee()).isEqualTo(BOSS);
    Jobs.assertCandidateGroup(taskService, sign, "jefes-proceso");
    assertThat(taskService.getVariable(sign.getId(), "immediateBossName")).isEqualTo(BOSS + " Prueba (" + BOSS + ")");

    complete(request, Map.of("requestApproved", true));
    assertThat(row(request).decidedBy()).isEqualTo(BOSS);
    assertThat(row(request).immediateBoss()).isEqualTo(BOSS);
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

  /** Issue 14, EM-2: a department head's reset is signed by the boss she names, never by herself. */
  @Test
  void aDepartmentHeadsOwnResetIsSignedByHerBossNotByHerself() {
    Map<String, Object> headsReset = reset();
    headsReset.put("requesterName", "Julia Jefa");
    headsReset.put("immediateBoss", AREA_DIRECTOR);
    ProcessInstance request = as(DEPARTMENT_HEAD, () -> request(headsReset));
    assertThat(request).isWaitingAt("Task_ApprovePasswordReset");
    Task sign = task(request);
    assertThat(sign.getAssignee()).isEqualTo(AREA_DIRECTOR).isNotEqualTo(DEPARTMENT_HEAD);

    // the desk hands the task to the requester (a member of jefes-proceso): she still cannot sign her own reset
    taskService.setAssignee(sign.getId(), DEPARTMENT_HEAD);
    as(DEPARTMENT_HEAD, () -> assertThatThrownBy(() -> taskService.complete(sign.getId(),
        Map.of("requestApproved", true))).hasRootCauseInstanceOf(InvalidInputException.class).rootCause()
        .hasMessageContaining("No puede firmar su propio reinicio de contraseña"));
    // nor may another head sign for the boss the request names
    taskService.setAssignee(sign.getId(), BOSS);
    as(BOSS, () -> assertThatThrownBy(() -> taskService.complete(sign.getId(), Map.of("requestApproved", true)))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause()
        .hasMessageContaining("Solo " + AREA_DIRECTOR + " Prueba (" + AREA_DIRECTOR + ")"));
    assertThat(request).isWaitingAt("Task_ApprovePasswordReset");
    assertThat(row(request).status()).isEqualTo("requested");

    taskService.setAssignee(sign.getId(), AREA_DIRECTOR);
    as(AREA_DIRECTOR, () -> taskService.complete(sign.getId(), Map.of("requestApproved", true)));
    Jobs.runAsyncSteps(managementService, request);
    assertThat(request).isWaitingAt("Task_RecordMinistryTicket");
    assertThat(row(request).decidedBy()).isEqualTo(AREA_DIRECTOR);
  }

  /** Issue 14, EM-2: the signer is named at the start and checked there; a refused start creates nothing. */
  @Test
  void aResetWhoseBossIsNoUserOrTheRequesterHerselfIsNotStarted() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("email-account").count();
    long rows = requests.count();

    Map<String, Object> namedByName = reset();
    namedByName.put("immediateBoss", "Julia Jefa");
    assertThatThrownBy(() -> request(namedByName)).isInstanceOf(InvalidInputException.class)
        // the boss is chosen from the engine's list of people who may sign (issue 16): a typed name is none of them
        .hasMessageContaining("«Julia Jefa» no está entre las opciones de la lista");

    Map<String, Object> nobodysBoss = reset();
    nobodysBoss.put("immediateBoss", STAFF);
    assertThatThrownBy(() -> request(nobodysBoss)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no está entre las opciones de la lista");

    Map<String, Object> herself = reset();
    herself.put("immediateBoss", DEPARTMENT_HEAD);
    assertThatThrownBy(() -> as(DEPARTMENT_HEAD, () -> request(herself))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("No puede firmar su propio reinicio de contraseña");

    // a reset a support ticket hands over names its requester in `requester`
    Map<String, Object> fromATicket = reset();
    fromATicket.put("requester", BOSS);
    assertThatThrownBy(() -> request(fromATicket)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("No puede firmar su propio reinicio de contraseña");

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("email-account").count())
        .isEqualTo(before);
    assertThat(requests.count()).isEqualTo(rows);
  }

  @Test
  void aSilentMinistryRemindsTechnologyEveryThreeBusinessDaysAndTheTaskStays() throws Exception {
    ProcessInstance request = loadedInTheMinistryDesk(); // Monday 23 November 09:00: due Thursday at closing

    // the daily checks on Tuesday and on Thursday morning find the ministry still in time: no e-mail
    dailyCheckAt("2026-11-24T10:00", request);
    dailyCheckAt("2026-11-26T10:00", request);
    assertThat(request).hasPassed("EndEvent_StillInTime").hasNotPassed("Task_RemindFollowUp")
        .isWaitingAt("Task_RecordMinistryAnswer");
    assertThat(mail.getReceivedMessages()).isEmpty();

    // Friday's check: the third business day has closed, the head of IT is reminded, the task stays
    dailyCheckAt("2026-11-27T10:00", request);
    assertThat(request).hasPassed("Task_RemindFollowUp", "EndEvent_FollowUpReminded")
        .isWaitingAt("Task_RecordMinistryAnswer");
    MimeMessage reminder = Jobs.message(mail.getReceivedMessages(), "Recordatorio: el Ministerio no ha respondido — "
        + request.getBusinessKey());
    assertThat(reminder.getAllRecipients()[0].toString()).isEqualTo(TECHNOLOGY_HEAD);
    assertThat((String) reminder.getContent()).contains("ticket DTI-77881");
    assertThat(row(request).remindersSent()).isEqualTo(1);

    // the next reminder after 3 more business days (Monday 30 to Wednesday 2 December), not before
    dailyCheckAt("2026-12-01T10:00", request);
    dailyCheckAt("2026-12-02T10:00", request);
    assertThat(mail.getReceivedMessages()).hasSize(1);
    dailyCheckAt("2026-12-03T10:01", request);
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

  /**
   * Runs an action as a logged-in user with her groups, as Tasklist or the REST API would; all staff are also
   * solicitantes (who may start a request), which the shared test users' memberships do not all say.
   */
  private <T> T as(String user, java.util.function.Supplier<T> action) {
    java.util.List<String> groups = new java.util.ArrayList<>(identityService.createGroupQuery().groupMember(user)
        .list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
    groups.add(Role.SOLICITANTES.groupId());
    identityService.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void as(String user, Runnable action) {
    as(user, () -> {
      action.run();
      return null;
    });
  }

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
    variables.put("immediateBoss", "julia.jefa");
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
    // the reset format names the boss who signs it by her user
    variables.put("immediateBoss", BOSS);
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
