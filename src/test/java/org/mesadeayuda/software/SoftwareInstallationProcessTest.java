package org.mesadeayuda.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InvalidInputException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/software-installation.bpmn against a real licence register. */
@MesaSpringTest
class SoftwareInstallationProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired LicenceRegister register;
  @Autowired SoftwareRepository catalogue;
  @Autowired LicenceRepository licences;
  @Autowired InstallationRepository installations;

  Software office;
  Software acrobat;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    mail.purgeEmailFromAllMailboxes();
    installations.deleteAll();
    licences.deleteAll();
    catalogue.deleteAll();
    register.save(new Software(null, "LibreOffice", "TDF", "free", false, null, null));
    office = register.save(new Software(null, "Microsoft Office 2021", "Microsoft", "institutional", false, null,
        null));
    register.addLicences(office.id(), 2, null, "Contrato 2024-07");
    acrobat = register.save(new Software(null, "Adobe Acrobat Pro", "Adobe", "subscription", true, null, null));
    register.addLicences(acrobat.id(), 1, LocalDate.of(2099, 12, 31), "OC-114");
    register.save(new Software(null, "uTorrent", "BitTorrent", "prohibited", false, "programa P2P no autorizado",
        null));
    register.save(new Software(null, "AutoCAD", "Autodesk", "subscription", false, null, null));
  }

  @Test
  void freeSoftwareNeedsOnlyATechnicalCheck() throws Exception {
    ProcessInstance request = request("libreoffice");
    assertThat(request).isWaitingAt("Task_TechnicalCheck");
    complete(request, Map.of("technicallyFit", true, "technicalNotes", "Compatible con Windows 11"));
    install(request, "tomas.tecnico");
    assertThat(request).isEnded().hasPassed("EndEvent_SoftwareInstalled");
    assertThat(installations.findInstalledOn("INV-0042")).singleElement()
        .satisfies(installed -> assertThat(installed.licenceId()).isNull());
  }

  @Test
  void aLicensedProgramWithAFreeSeatNeedsTheDirectorAndTakesASeat() throws Exception {
    ProcessInstance request = request("Microsoft Office 2021");
    assertThat(request).isWaitingAt("Task_DirectorApproval");
    assertCandidateGroup(task(request), "director-ti");
    complete(request, Map.of("directorApproved", true, "directorComment", "Aprobado"));
    install(request, "tomas.tecnico");
    assertThat(request).isEnded();
    assertThat(register.freeSeats(office.id())).isEqualTo(1);
    Installation installed = installations.findInstalledOn("INV-0042").get(0);
    assertThat(installed.installedBy()).isEqualTo("tomas.tecnico");
    assertThat(installed.caseNumber()).isEqualTo(request.getBusinessKey()).matches("SWI-\\d{4}-\\d{6}");
    MimeMessage done = message("Software instalado");
    assertThat(text(done)).contains("Microsoft Office 2021", TestMail.myRequestsLink(request.getBusinessKey()));
  }

  @Test
  void aPreApprovedProgramWithAFreeSeatGoesStraightToInstallation() {
    ProcessInstance request = request("Adobe Acrobat Pro");
    assertThat(request).isWaitingAt("Task_Install");
  }

  @Test
  void prohibitedSoftwareIsRefusedOnTheStartFormWithTheReason() throws Exception {
    // refused where the requester typed it, before a case, a number or an e-mail exists (issue 16)
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("software-installation").count();
    assertThatThrownBy(() -> request("uTorrent")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("«uTorrent» está prohibido en la institución: programa P2P no autorizado");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("software-installation").count())
        .isEqualTo(before);
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(installations.findAll()).isEmpty();
  }

  @Test
  void softwareOutsideTheCatalogueIsRefusedOnTheStartForm() {
    assertThatThrownBy(() -> request("Programa desconocido")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("«Programa desconocido» no está en el catálogo de software")
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::field)
            .containsExactly("softwareName"));
  }

  @Test
  void softwareProhibitedWhileTheRequestWaitedIsStillRejectedWithTheReason() throws Exception {
    Software winrar = register.save(new Software(null, "WinRAR", "RARLAB", "free", false, null, null));
    Map<String, Object> variables = requestVariables("WinRAR");
    ProcessInstance request = runtimeService.startProcessInstanceByKey("software-installation", variables);
    // the catalogue changes before the case looks the product up: the approval table still refuses it (SW-3)
    catalogue.save(new Software(winrar.id(), "WinRAR", "RARLAB", "prohibited", false, "sin licencia vigente",
        winrar.version()));
    runAsyncSteps(request);
    assertThat(request).isEnded().hasPassed("EndEvent_RequestRejected");
    assertThat(text(message("Solicitud de instalación no aprobada"))).contains("sin licencia vigente");
  }

  @Test
  void theDirectorRejectsWithAReasonForTheRequester() throws Exception {
    ProcessInstance request = request("Microsoft Office 2021");
    complete(request, Map.of("directorApproved", false, "rejectionReason", "Use LibreOffice, que es libre"));
    assertThat(request).isEnded().hasPassed("EndEvent_RequestRejected");
    assertThat(text(message("Solicitud de instalación no aprobada"))).contains("LibreOffice");
    assertThat(register.freeSeats(office.id())).isEqualTo(2);
  }

  @Test
  void withoutAFreeSeatTheDirectorAsksFinanceToBuyAndTheNewSeatIsUsed() {
    ProcessInstance request = request("AutoCAD");
    assertThat(request).isWaitingAt("Task_DecideProcurement");
    complete(request, Map.of("procurementDecision", "procure", "seatsToBuy", 2));
    assertThat(request).isWaitingAt("Task_ProcureLicences");
    assertCandidateGroup(task(request), "daf");
    complete(request, Map.of("licencesPurchased", true, "seatsPurchased", 2, "licenceExpiry", "2027-12-31",
        "proofReference", "OC-2026-200"));
    install(request, "tomas.tecnico");
    assertThat(request).isEnded().hasPassed("EndEvent_SoftwareInstalled");
    Software autocad = register.find("AutoCAD").orElseThrow();
    assertThat(register.freeSeats(autocad.id())).isEqualTo(1);
  }

  @Test
  void softwareRemovedFromTheCatalogueWhileTheRequestWaitedIsDecidedByTheDirectorAndCanBeRefused() {
    Software old = register.save(new Software(null, "Programa antiguo", "Nadie", "institutional", false, null, null));
    ProcessInstance request = runtimeService.startProcessInstanceByKey("software-installation",
        requestVariables("Programa antiguo"));
    catalogue.deleteById(old.id());
    runAsyncSteps(request);
    assertThat(request).isWaitingAt("Task_DecideProcurement");
    complete(request, Map.of("procurementDecision", "reject", "rejectionReason", "No hay necesidad institucional"));
    assertThat(request).isEnded().hasPassed("EndEvent_RequestRejected");
  }

  @Test
  void financeThatDoesNotBuyEndsTheRequest() {
    ProcessInstance request = request("AutoCAD");
    complete(request, Map.of("procurementDecision", "procure", "seatsToBuy", 1));
    complete(request, Map.of("licencesPurchased", false, "rejectionReason", "Sin presupuesto"));
    assertThat(request).isEnded().hasPassed("EndEvent_RequestRejected");
  }

  @Test
  void twoRequestsCompetingForTheLastSeatNeverBothGetIt() {
    // issue 14: the seat is held from its choice; before, both were approved and the second failed after installing
    ProcessInstance first = request("Adobe Acrobat Pro");
    assertThat(first).isWaitingAt("Task_Install");
    assertThat(runtimeService.getVariable(first.getId(), "seatReserved")).isEqualTo(true);
    assertThat(register.freeSeats(acrobat.id())).isZero();
    ProcessInstance second = request("Adobe Acrobat Pro");
    assertThat(second).isWaitingAt("Task_DecideProcurement"); // no free seat: the Director decides at once
    install(first, "tomas.tecnico");
    assertThat(first).isEnded().hasPassed("EndEvent_SoftwareInstalled");
    assertThat(licences.findBySoftwareId(acrobat.id()).get(0).seatsUsed()).isEqualTo(1);
    assertThat(installations.findInstalled(acrobat.id())).singleElement()
        .satisfies(installed -> assertThat(installed.caseNumber()).isEqualTo(first.getBusinessKey()));
  }

  @Test
  void aSeatHeldWhileTheDirectorDecidesIsNotTakenByAnotherRequest() {
    ProcessInstance first = request("Microsoft Office 2021");
    ProcessInstance second = request("Microsoft Office 2021");
    assertThat(first).isWaitingAt("Task_DirectorApproval");
    assertThat(second).isWaitingAt("Task_DirectorApproval");
    ProcessInstance third = request("Microsoft Office 2021"); // both seats held for the first two
    assertThat(third).isWaitingAt("Task_DecideProcurement");
    complete(second, Map.of("directorApproved", false, "rejectionReason", "No lo necesita"));
    assertThat(register.freeSeats(office.id())).isEqualTo(1); // refused: its seat is free again
    complete(first, Map.of("directorApproved", true));
    install(first, "tomas.tecnico");
    assertThat(first).isEnded().hasPassed("EndEvent_SoftwareInstalled");
  }

  @Test
  void aDeletedRequestGivesItsSeatBackWithOrWithoutItsListeners() {
    ProcessInstance deletedByApi = request("Microsoft Office 2021");
    ProcessInstance deletedInCockpit = request("Microsoft Office 2021");
    assertThat(register.freeSeats(office.id())).isZero();
    runtimeService.deleteProcessInstance(deletedByApi.getId(), "Duplicada");
    assertThat(register.freeSeats(office.id())).isEqualTo(1);
    // as Cockpit does when its delete dialog is told to skip custom listeners
    runtimeService.deleteProcessInstance(deletedInCockpit.getId(), "Duplicada", true);
    assertThat(register.freeSeats(office.id())).isEqualTo(1);
    ProcessInstance next = request("Microsoft Office 2021");
    ProcessInstance another = request("Microsoft Office 2021"); // the abandoned seat was given back first
    assertThat(next).isWaitingAt("Task_DirectorApproval");
    assertThat(another).isWaitingAt("Task_DirectorApproval");
  }

  @Test
  void aHeldSeatWhoseLicenceExpiredBeforeTheInstallationIsCheckedAgainAndTheDirectorDecides() {
    Software visio = register.save(new Software(null, "Microsoft Visio", "Microsoft", "institutional", true, null,
        null));
    register.addLicences(visio.id(), 1, LocalDate.now().plusDays(1), "OC-9"); // expires tomorrow
    ProcessInstance request = request("Microsoft Visio");
    assertThat(request).isWaitingAt("Task_Install");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
    try {
      install(request, "tomas.tecnico");
    } finally {
      ClockUtil.reset();
    }
    assertThat(request).hasPassed("Event_NoSeatLeft").isWaitingAt("Task_DecideProcurement");
    assertThat(installations.findInstalled(visio.id())).isEmpty();
  }

  @Test
  void aTechnicallyUnfitProgramIsRejected() {
    ProcessInstance request = request("LibreOffice");
    complete(request, Map.of("technicallyFit", false, "technicalNotes", "Equipo sin espacio en disco",
        "rejectionReason", "El equipo no tiene espacio; solicite primero una ampliación"));
    assertThat(request).isEnded().hasPassed("EndEvent_RequestRejected");
  }

  // --- helpers ---

  private ProcessInstance request(String softwareName) {
    ProcessInstance request = runtimeService.startProcessInstanceByKey("software-installation",
        requestVariables(softwareName));
    runAsyncSteps(request);
    return request;
  }

  private static Map<String, Object> requestVariables(String softwareName) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Ana López");
    variables.put("requesterEmail", "ana.lopez@institucion.gob");
    variables.put("department", "operaciones");
    variables.put("assetTag", "INV-0042");
    variables.put("softwareName", softwareName);
    variables.put("softwareVersion", "última");
    variables.put("justification", "Necesario para el trabajo diario del área");
    return variables;
  }

  private void install(ProcessInstance request, String technician) {
    Task install = task(request);
    assertThat(install).hasDefinitionKey("Task_Install");
    taskService.claim(install.getId(), technician);
    complete(request, Map.of("installedVersion", "2026.1", "mediaReference", "Instalador en el servidor de TI"));
  }

  private void complete(ProcessInstance request, Map<String, Object> variables) {
    taskService.complete(task(request).getId(), variables);
    runAsyncSteps(request);
  }

  private Task task(ProcessInstance instance) {
    return Jobs.onlyTask(taskService, instance);
  }

  private void assertCandidateGroup(Task task, String group) {
    Jobs.assertCandidateGroup(taskService, task, group);
  }

  private void runAsyncSteps(ProcessInstance instance) {
    Jobs.runAsyncSteps(managementService, instance);
  }

  /** The decoded text of an e-mail (the raw body is quoted-printable). */
  private static String text(MimeMessage message) throws Exception {
    return (String) message.getContent();
  }

  private MimeMessage message(String subjectStart) throws Exception {
    return Jobs.message(mail.getReceivedMessages(), subjectStart);
  }
}
