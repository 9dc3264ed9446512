package org.mesadeayuda.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/software-declaration.bpmn: software a third party installed ends in the register or is removed (SW-3). */
@MesaSpringTest
class SoftwareDeclarationProcessTest {

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

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    mail.purgeEmailFromAllMailboxes();
    installations.deleteAll();
    licences.deleteAll();
    catalogue.deleteAll();
    register.save(new Software(null, "uTorrent", "BitTorrent", "prohibited", false, "programa P2P no autorizado",
        null));
  }

  @Test
  void anAcceptedDeclarationEntersTheRegisterWithoutTakingAnInstitutionalSeat() throws Exception {
    ProcessInstance declaration = declare("Programa estadístico", "Consultora XYZ");
    assertThat(declaration).isWaitingAt("Task_ReviewDeclaration");
    assertCandidateGroup(task(declaration), "director-ti");
    complete(declaration, Map.of("declarationAccepted", true, "reviewComment", "Licencia personal válida",
        "licenceEvidenceType", "comercial", "licenceReference", "Licencia personal n.º 4471, factura 0091",
        "licenceHolder", "Julia Jefa"));
    assertThat(declaration).isEnded().hasPassed("Task_RecordDeclaredInstallation");
    Installation declared = installations.findInstalledOn("INV-0215").get(0);
    assertThat(declared.declared()).isTrue();
    assertThat(declared.licenceId()).isNull();
    assertThat(declared.installedBy()).isEqualTo("Consultora XYZ");
    assertThat(declared.licenceEvidenceType()).isEqualTo("comercial");
    assertThat(declared.licenceReference()).isEqualTo("Licencia personal n.º 4471, factura 0091");
    assertThat(declared.licenceHolder()).isEqualTo("Julia Jefa");
    assertThat(register.find("Programa estadístico")).isPresent();
    assertThat(message("Declaración de software registrada").getAllRecipients()[0].toString())
        .isEqualTo("julia.jefa@institucion.gob");
  }

  @Test
  void aRefusedDeclarationIsUninstalledAndTheDeclarantToldWhy() throws Exception {
    ProcessInstance declaration = declare("Programa estadístico", "Un amigo");
    complete(declaration, Map.of("declarationAccepted", false, "rejectionReason", "La licencia mostrada es falsa"));
    assertThat(declaration).isWaitingAt("Task_UninstallUnlicensed");
    assertCandidateGroup(task(declaration), "tecnicos");
    complete(declaration, Map.of("uninstallNotes", "Desinstalado y equipo revisado", "uninstalledOk", true));
    assertThat(declaration).isEnded();
    assertThat(installations.findInstalledOn("INV-0215")).isEmpty();
    assertThat((String) message("Software desinstalado").getContent()).contains("La licencia mostrada es falsa",
        TestMail.myRequestsLink(declaration.getBusinessKey()));
  }

  @Test
  void prohibitedSoftwareCannotBeAccepted() {
    ProcessInstance declaration = declare("uTorrent", "El usuario");
    String taskId = task(declaration).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("declarationAccepted", true)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("prohibido");
    assertThat(declaration).isWaitingAt("Task_ReviewDeclaration");
  }

  @Test
  void acceptingWithoutLicenceEvidenceIsRefusedInSpanishAndTheTaskStays() {
    ProcessInstance declaration = declare("Programa estadístico", "Consultora XYZ");
    String taskId = task(declaration).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("declarationAccepted", true)))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("No se puede aceptar sin la licencia de uso").hasMessageContaining("tipo de licencia");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("declarationAccepted", true,
        "licenceEvidenceType", "comercial", "licenceReference", "Factura 0091")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("titular");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("declarationAccepted", true,
        "licenceEvidenceType", "suscripcion", "licenceHolder", "Julia Jefa")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("número de licencia");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("declarationAccepted", true,
        "licenceEvidenceType", "libre")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("nombre de la licencia libre");
    assertThat(declaration).isWaitingAt("Task_ReviewDeclaration");
    assertThat(installations.findAll()).isEmpty();
  }

  @Test
  void freeSoftwareIsAcceptedWithItsLicenceName() {
    ProcessInstance declaration = declare("GIMP", "El usuario");
    complete(declaration, Map.of("declarationAccepted", true, "licenceEvidenceType", "libre",
        "licenceName", "GPL-3.0"));
    Installation declared = installations.findInstalledOn("INV-0215").get(0);
    assertThat(declared.licenceEvidenceType()).isEqualTo("libre");
    assertThat(declared.licenceName()).isEqualTo("GPL-3.0");
    assertThat(register.find("GIMP").orElseThrow().licenceType()).isEqualTo("free");
  }

  @Test
  void softwareTheCatalogueKnowsAsLicensedCannotBeAcceptedAsFree() {
    register.save(new Software(null, "Microsoft Office 2021", "Microsoft", "institutional", false, null, null));
    ProcessInstance declaration = declare("Microsoft Office 2021", "Un amigo");
    String taskId = task(declaration).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("declarationAccepted", true,
        "licenceEvidenceType", "libre", "licenceName", "MIT")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("no es software libre");
    assertThat(declaration).isWaitingAt("Task_ReviewDeclaration");
  }

  @Test
  void refusingNeedsTheReasonButNoLicenceEvidence() {
    ProcessInstance declaration = declare("Programa estadístico", "Un amigo");
    String taskId = task(declaration).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("declarationAccepted", false)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("motivo del rechazo");
    complete(declaration, Map.of("declarationAccepted", false, "rejectionReason", "Sin licencia"));
    assertThat(declaration).isWaitingAt("Task_UninstallUnlicensed");
  }

  private ProcessInstance declare(String software, String installedBy) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Julia Jefa");
    variables.put("requesterEmail", "julia.jefa@institucion.gob");
    variables.put("department", "recursos-humanos");
    variables.put("assetTag", "INV-0215");
    variables.put("softwareName", software);
    variables.put("softwareVersion", "3.1");
    variables.put("installedByName", installedBy);
    variables.put("licenceProof", "Licencia personal n.º 4471");
    variables.put("installedOn", "2026-11-02");
    ProcessInstance declaration = runtimeService.startProcessInstanceByKey("software-declaration", variables);
    assertThat(declaration.getBusinessKey()).matches("SWI-\\d{4}-\\d{6}");
    runAsyncSteps(declaration);
    return declaration;
  }

  private void complete(ProcessInstance instance, Map<String, Object> variables) {
    taskService.complete(task(instance).getId(), variables);
    runAsyncSteps(instance);
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

  private MimeMessage message(String subjectStart) throws Exception {
    return Jobs.message(mail.getReceivedMessages(), subjectStart);
  }
}
