package org.mesadeayuda.specialised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mesadeayuda.OfficeTime.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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

/**
 * Every path of processes/specialised-request.bpmn (002 §4.2, §3; SR-5), started on its own as the start form does and
 * handed over by a ticket as a call activity (COMMON "Called-procedure contract").
 */
@MesaSpringTest
class SpecialisedRequestProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final String REQUESTER = "esp.solicitante";
  static final String REQUESTER_EMAIL = "rosa.mendez@institucion.gob";
  static final String TECHNICIAN = "esp.tecnico";
  static final String DIRECTOR = "esp.director";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired SpecialisedRequestRepository requests;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    mail.purgeEmailFromAllMailboxes();
    TestUsers.create(identityService, REQUESTER, "solicitantes", "Clave-esp-17");
    TestUsers.create(identityService, TECHNICIAN, "tecnicos", "Clave-esp-17");
    TestUsers.create(identityService, DIRECTOR, "director-ti", "Clave-esp-17");
    ClockUtil.setCurrentTime(at("2026-11-23T09:00")); // a Monday
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void aDevelopmentIsClassifiedApprovedPlannedWithItsResourcesAndDelivered() throws Exception {
    ProcessInstance request = request(Map.of("proposedKind", "development"));
    assertThat(request.getBusinessKey()).matches("ESP-2026-\\d{6}");
    assertThat(request).isWaitingAt("Task_ClassifyRequest");
    Jobs.assertCandidateGroup(taskService, task(request), "director-ti");
    Jobs.assertCandidateGroup(taskService, task(request), "mesa-ayuda");
    SpecialisedRequest received = row(request);
    assertThat(received.status()).isEqualTo("received");
    assertThat(received.requester()).isEqualTo(REQUESTER);
    assertThat(received.proposedKind()).isEqualTo("development");
    assertThat(received.ticketNumber()).isNull();

    assertRefused(request, Map.of("classificationNotes", "sin tipo"), "tipo de solicitud");
    complete(request, Map.of("requestKind", "development", "classificationNotes", "Módulo nuevo del sistema"));
    assertThat(row(request).kind()).isEqualTo("development");
    assertThat(request).isWaitingAt("Task_ApproveRequest");
    Jobs.assertCandidateGroup(taskService, task(request), "director-ti");

    complete(request, Map.of("decision", "approve"));
    assertThat(row(request).status()).isEqualTo("approved");
    var approval = Jobs.message(mail.getReceivedMessages(), "Solicitud especializada aprobada — "
        + request.getBusinessKey());
    assertThat(approval.getAllRecipients()[0].toString()).isEqualTo(REQUESTER_EMAIL);
    assertThat((String) approval.getContent()).contains("Desarrollo de software",
        TestMail.myRequestsLink(request.getBusinessKey()));
    assertThat(request).isWaitingAt("Task_PlanWork");
    Jobs.assertCandidateGroup(taskService, task(request), "director-ti");

    // 002 §3: no plan without the resource check; dates within reason; a responsible who is a technician
    Map<String, Object> withoutCheck = new HashMap<>(plan("2026-11-30", "2026-12-18"));
    withoutCheck.put("technicalResourcesChecked", false);
    assertRefused(request, withoutCheck, "recursos humanos y técnicos");
    assertRefused(request, plan("2026-11-20", "2026-12-18"), "pasado");
    assertRefused(request, plan("2026-12-18", "2026-11-30"), "anterior al inicio");
    assertRefused(request, plan("2026-11-30", "2028-01-10"), "más de un año");
    Map<String, Object> requesterAsResponsible = new HashMap<>(plan("2026-11-30", "2026-12-18"));
    requesterAsResponsible.put("technician", REQUESTER);
    assertRefused(request, requesterAsResponsible, "técnicos de soporte");

    complete(request, plan("2026-11-30", "2026-12-18"));
    SpecialisedRequest planned = row(request);
    assertThat(planned.status()).isEqualTo("planned");
    assertThat(planned.technician()).isEqualTo(TECHNICIAN);
    assertThat(planned.humanResourcesChecked()).isTrue();
    assertThat(planned.technicalResourcesChecked()).isTrue();
    assertThat(planned.resourcesDetail()).isEqualTo("Dos desarrolladores y el servidor de pruebas");
    assertThat(planned.plannedStart()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(planned.plannedEnd()).isEqualTo(LocalDate.of(2026, 12, 18));

    assertThat(request).isWaitingAt("Task_ExecuteWork").task().isAssignedTo(TECHNICIAN);
    // due at the close of the planned end day
    assertThat(task(request).getDueDate()).isEqualTo(at("2026-12-18T16:00"));
    assertRefused(request, Map.of(), "entregó");
    complete(request, Map.of("deliverySummary", "Módulo de inventario instalado en producción"));

    assertThat(request).isEnded().hasPassed("Task_NotifyDelivery", "EndEvent_RequestDelivered");
    SpecialisedRequest delivered = row(request);
    assertThat(delivered.status()).isEqualTo("delivered");
    assertThat(delivered.deliveredBy()).isEqualTo(TECHNICIAN);
    var delivery = Jobs.message(mail.getReceivedMessages(), "Solicitud especializada entregada — "
        + request.getBusinessKey());
    assertThat(delivery.getAllRecipients()[0].toString()).isEqualTo(REQUESTER_EMAIL);
    assertThat((String) delivery.getContent()).contains("Módulo de inventario instalado en producción")
        .contains("lunes 30 de noviembre de 2026");
    assertThat(outcome(request)).isEqualTo("done");
    assertThat(summary(request)).startsWith("Solicitud especializada entregada").contains("desarrollo de software")
        .contains("Módulo de inventario");
  }

  @Test
  void aRefusalNeedsItsReasonWhichTheRequesterReceives() throws Exception {
    ProcessInstance request = request(Map.of());
    complete(request, Map.of("requestKind", "acquisition"));
    assertRefused(request, Map.of("decision", "refuse"), "motivo");
    complete(request, Map.of("decision", "refuse", "refusalReason", "No hay presupuesto este año"));

    assertThat(request).isEnded().hasPassed("Task_NotifyRefusal", "EndEvent_RequestRefused");
    assertThat(row(request).status()).isEqualTo("refused");
    assertThat(row(request).refusalReason()).isEqualTo("No hay presupuesto este año");
    var refusal = Jobs.message(mail.getReceivedMessages(), "Solicitud especializada no aprobada — "
        + request.getBusinessKey());
    assertThat((String) refusal.getContent()).contains("Motivo: No hay presupuesto este año");
    assertThat(outcome(request)).isEqualTo("refused");
    assertThat(summary(request)).contains("No hay presupuesto este año");
  }

  @Test
  void theDirectorAsksTheRequesterForMoreInformationThenDecides() throws Exception {
    ProcessInstance request = request(Map.of());
    complete(request, Map.of("requestKind", "adjustment"));
    assertRefused(request, Map.of("decision", "more_information"), "información");
    complete(request, Map.of("decision", "more_information",
        "informationQuestion", "¿Qué reportes del sistema de nómina hay que cambiar?"));

    assertThat(request).isWaitingAt("Task_ProvideInformation").task().isAssignedTo(REQUESTER);
    assertThat((String) Jobs.message(mail.getReceivedMessages(), "Se necesita más información").getContent())
        .contains("¿Qué reportes del sistema de nómina hay que cambiar?");
    assertThat(row(request).status()).isEqualTo("information_requested");
    assertRefused(request, Map.of(), "información");
    complete(request, Map.of("additionalInformation", "El reporte mensual de horas extra"));

    assertThat(request).isWaitingAt("Task_ApproveRequest");
    assertThat(row(request).lastAnswer()).isEqualTo("El reporte mensual de horas extra");
    assertThat(row(request).informationRequests()).isEqualTo(1);
    complete(request, Map.of("decision", "approve"));
    assertThat(request).isWaitingAt("Task_PlanWork");
  }

  @Test
  void withoutAnAnswerInTenBusinessDaysTheRequestClosesUncompleted() {
    ProcessInstance request = request(Map.of());
    complete(request, Map.of("requestKind", "adjustment"));
    complete(request, Map.of("decision", "more_information", "informationQuestion", "¿Qué aplicación?"));
    assertThat(request).isWaitingAt("Task_ProvideInformation");
    // Monday 23 November + 10 business days = Monday 7 December at closing
    Job timer = managementService.createJobQuery().processInstanceId(request.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(at("2026-12-07T16:00"));
    ClockUtil.setCurrentTime(at("2026-12-07T09:01"));
    managementService.executeJob(timer.getId());

    assertThat(request).isEnded().hasPassed("EndEvent_ClosedWithoutInformation");
    assertThat(row(request).status()).isEqualTo("cancelled");
    assertThat(outcome(request)).isEqualTo("cancelled");
    assertThat(summary(request)).contains("no se recibió la información");
  }

  @Test
  void aTicketHandsItOverKeepingItsNumberAndGetsTheOutcomeBack() throws Exception {
    String deployment = repositoryService.createDeployment().name("ticket que llama (prueba)")
        .addString("test-ticket-calls-specialised.bpmn", CALLER).deploy().getId();
    try {
      ProcessInstance ticket = runtimeService.startProcessInstanceByKey("test-ticket-calls-specialised",
          "SOP-2026-990017", ticketVariables());
      ProcessInstance request = runtimeService.createProcessInstanceQuery().superProcessInstanceId(ticket.getId())
          .singleResult();
      assertThat(request.getBusinessKey()).isEqualTo("SOP-2026-990017");
      SpecialisedRequest received = row(request);
      assertThat(received.ticketNumber()).isEqualTo("SOP-2026-990017");
      assertThat(received.proposedKind()).isEqualTo("acquisition");
      assertThat(received.requester()).isEqualTo(REQUESTER);
      assertThat(runtimeService.getVariable(request.getId(), "proposedKind")).isEqualTo("acquisition");

      complete(request, Map.of("requestKind", "acquisition"));
      complete(request, Map.of("decision", "refuse", "refusalReason", "Ya existe un equipo asignado al área"));

      assertThat(ticket).isEnded();
      assertThat(ticketVariable(ticket, "procedureOutcome")).isEqualTo("refused");
      assertThat((String) ticketVariable(ticket, "procedureSummary"))
          .contains("Ya existe un equipo asignado al área");
      assertThat((String) Jobs.message(mail.getReceivedMessages(), "Solicitud especializada no aprobada — "
          + "SOP-2026-990017").getContent()).contains("Su ticket de soporte sigue su curso",
          // a request the ticket handed over: the link opens her ticket, the case her list shows
          TestMail.myRequestsLink("SOP-2026-990017"));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void aStartWithoutWhatTheFormRequiresIsRefusedAndNothingIsCreated() {
    long before = requests.count();
    Map<String, Object> withoutJustification = new HashMap<>(startForm());
    withoutJustification.remove("justification");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("specialised-request", withoutJustification))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("justification");
    assertThat(requests.count()).isEqualTo(before);
  }

  // --- helpers ---

  static final String CALLER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_TestCaller" targetNamespace="test">
        <bpmn:process id="test-ticket-calls-specialised" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Ticket" />
          <bpmn:sequenceFlow id="Flow_ToCall" sourceRef="StartEvent_Ticket" targetRef="CallActivity_Specialised" />
          <bpmn:callActivity id="CallActivity_Specialised" calledElement="specialised-request">
            <bpmn:extensionElements>
              <camunda:in businessKey="#{execution.processBusinessKey}" />
              <camunda:in source="ticketNumber" target="ticketNumber" />
              <camunda:in source="requester" target="requester" />
              <camunda:in source="requesterName" target="requesterName" />
              <camunda:in source="requesterEmail" target="requesterEmail" />
              <camunda:in source="department" target="department" />
              <camunda:in source="description" target="description" />
              <camunda:in source="requestType" target="requestType" />
              <camunda:out source="procedureOutcome" target="procedureOutcome" />
              <camunda:out source="procedureSummary" target="procedureSummary" />
            </bpmn:extensionElements>
          </bpmn:callActivity>
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="CallActivity_Specialised" targetRef="EndEvent_Ticket" />
          <bpmn:endEvent id="EndEvent_Ticket" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static Map<String, Object> ticketVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("ticketNumber", "SOP-2026-990017");
    variables.put("requester", REQUESTER);
    variables.put("requesterName", "Rosa Méndez");
    variables.put("requesterEmail", REQUESTER_EMAIL);
    variables.put("department", "operaciones");
    variables.put("description", "Dos escáneres para digitalizar expedientes");
    variables.put("requestType", "hardware_software_acquisition");
    return variables;
  }

  private Object ticketVariable(ProcessInstance ticket, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(ticket.getId()).variableName(name)
        .singleResult().getValue();
  }

  /** Started by the requester in Tasklist: the start form's variables; she is the initiator. */
  private ProcessInstance request(Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(startForm());
    variables.putAll(extra);
    identityService.setAuthentication(REQUESTER, List.of("solicitantes"));
    ProcessInstance request;
    try {
      request = runtimeService.startProcessInstanceByKey("specialised-request", variables);
    } finally {
      identityService.clearAuthentication();
    }
    Jobs.runAsyncSteps(managementService, request);
    return request;
  }

  private static Map<String, Object> startForm() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Rosa Méndez");
    variables.put("requesterEmail", REQUESTER_EMAIL);
    variables.put("department", "operaciones");
    variables.put("description", "Un módulo de inventario de bodega en el sistema administrativo");
    variables.put("justification", "Hoy el inventario se lleva en hojas de cálculo");
    return variables;
  }

  private static Map<String, Object> plan(String start, String end) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("technician", TECHNICIAN);
    variables.put("humanResourcesChecked", true);
    variables.put("technicalResourcesChecked", true);
    variables.put("resourcesDetail", "Dos desarrolladores y el servidor de pruebas");
    variables.put("plannedStart", start);
    variables.put("plannedEnd", end);
    return variables;
  }

  private void assertRefused(ProcessInstance request, Map<String, Object> variables, String reason) {
    Task task = task(request);
    assertThatThrownBy(() -> taskService.complete(task.getId(), variables))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining(reason);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  private SpecialisedRequest row(ProcessInstance request) {
    return requests.findByCaseNumber(request.getBusinessKey()).orElseThrow();
  }

  private Object outcome(ProcessInstance request) {
    return historicVariable(request, "procedureOutcome");
  }

  private String summary(ProcessInstance request) {
    return (String) historicVariable(request, "procedureSummary");
  }

  private Object historicVariable(ProcessInstance request, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(request.getId()).variableName(name)
        .singleResult().getValue();
  }

  private void complete(ProcessInstance request, Map<String, Object> variables) {
    taskService.complete(task(request).getId(), variables);
    Jobs.runAsyncSteps(managementService, request);
  }

  private Task task(ProcessInstance request) {
    return Jobs.onlyTask(taskService, request);
  }
}
