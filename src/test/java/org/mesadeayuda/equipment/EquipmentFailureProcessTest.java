package org.mesadeayuda.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mesadeayuda.OfficeTime.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.mesadeayuda.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mesadeayuda.Jobs;
import org.mesadeayuda.PdfText;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/equipment-failure.bpmn, with the register as an institution would have it. */
@MesaSpringTest
class EquipmentFailureProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  /** The failures happened on Friday 20 November 2026. */
  static final String FAILURE_DATE = "2026-11-20";
  static final String FAILURE_DATE_IN_SPANISH = "viernes 20 de noviembre de 2026";

  static final String INVENTORY = AssetRegisterContract.HEADER
      + "INV-LEASE;impresora;HP;M404;S1;juridico;Jurídico;luis;arrendado;Arrendadora S.A.;soporte@arrendadora.example;"
      + "ARR-4;;;no\n"
      + "INV-WARR;escritorio;Dell;7010;S2;operaciones;Recepción;ana;propio;Distec;garantias@distec.example;OC-1;"
      + "2026-11-20;;no\n"
      + "INV-EXP;escritorio;Dell;7010;S3;operaciones;Caja;pedro;propio;Distec;garantias@distec.example;OC-2;"
      + "2026-11-19;;no\n"
      + "INV-NONE;escritorio;HP;400;S4;operaciones;Archivo;rosa;propio;;;;;;no\n"
      + "PRE-1;portatil;Lenovo;L14;S5;tecnologia;Bodega;;propio;;;;;;si\n"
      + "REP-1;escritorio;Dell;3000;S6;tecnologia;Bodega;;propio;Distec;garantias@distec.example;OC-9;2029-01-31;;no\n";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired AssetRepository assets;
  @Autowired AssetCsvImport csvImport;
  @Autowired AssetRegister register;
  @Autowired AssetEventRepository history;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    mail.purgeEmailFromAllMailboxes();
    ClockUtil.setCurrentTime(at("2026-11-23T09:00"));
    assets.deleteAll();
    history.deleteAll();
    csvImport.importAll(new StringReader(INVENTORY));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void leasedEquipmentGoesToTheLessor() throws Exception {
    ProcessInstance failure = report("INV-LEASE");
    assertThat(failure).isWaitingAt("Task_RecordProviderReply");
    assertThat(runtimeService.getVariable(failure.getId(), "route")).isEqualTo("lessor");
    MimeMessage claim = message("Reporte de falla de equipo");
    assertThat(claim.getAllRecipients()[0].toString()).isEqualTo("soporte@arrendadora.example");
    assertThat(GreenMailUtil.getBody(claim)).contains("ARR-4");
    // the day the requester typed, in Spanish: never "2026-11-20" nor "Fri Nov 20 00:00:00 UTC 2026" (issue 16)
    assertThat(claim.getContent().toString()).contains("Fecha de la falla: " + FAILURE_DATE_IN_SPANISH)
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}|UTC");

    complete(failure, Map.of("providerOutcome", "repaired", "providerNotes", "Técnico del arrendador cambió el fusor"));
    assertThat(failure).isEnded().hasPassed("EndEvent_EquipmentCaseClosed");
    assertThat(outcome(failure)).isEqualTo("provider_repaired");
    assertThat(message("Caso de equipo cerrado").getAllRecipients()[0].toString())
        .isEqualTo("rosa.perez@institucion.gob");
    // reported on its own, the case really is closed: no ticket left open to speak of, no empty replacement line
    assertThat(message("Caso de equipo cerrado").getContent().toString()).contains("fue cerrado")
        .contains(TestMail.myRequestsLink(failure.getBusinessKey()))
        .contains("El proveedor reparó el equipo.").doesNotContain("sigue abierta").doesNotContain("Equipo asignado");
  }

  @Test
  void warrantyValidOnTheFailureDateGoesToTheProvider() throws Exception {
    ProcessInstance failure = report("INV-WARR"); // warranty ends the very day of the failure
    assertThat(failure).isWaitingAt("Task_RecordProviderReply");
    assertThat(runtimeService.getVariable(failure.getId(), "route")).isEqualTo("warranty");
    assertThat(message("Reporte de falla de equipo").getAllRecipients()[0].toString())
        .isEqualTo("garantias@distec.example");
    complete(failure, Map.of("providerOutcome", "replaced", "providerNotes", "Cambio de tarjeta madre en garantía"));
    assertThat(outcome(failure)).isEqualTo("provider_replaced");
  }

  @Test
  void warrantyExpiredTheDayBeforeIsDiagnosedInHouse() {
    ProcessInstance failure = report("INV-EXP");
    assertThat(runtimeService.getVariable(failure.getId(), "route")).isEqualTo("in_house");
    assertThat(failure).isWaitingAt("Task_Diagnose");
    assertCandidateGroup(task(failure), "tecnicos");
  }

  @Test
  void aProviderThatRefusesTheWarrantyLeavesTheCaseToTheInHouseDiagnosis() {
    ProcessInstance failure = report("INV-WARR");
    complete(failure, Map.of("providerOutcome", "refused", "providerNotes", "Daño por humedad: no cubre garantía"));
    assertThat(failure).isWaitingAt("Task_Diagnose");
  }

  @Test
  void aSilentProviderIsRemindedAndTheTaskStays() throws Exception {
    ProcessInstance failure = report("INV-LEASE");
    Date due = (Date) runtimeService.getVariable(failure.getId(), "providerReplyDue");
    assertThat(due).isEqualTo(at("2026-11-26T16:00")); // three business days, to the close of the third
    ClockUtil.setCurrentTime(at("2026-11-26T15:59"));
    runDueTimers(failure);
    assertThatThrownBy(() -> message("Recordatorio")).hasMessageContaining("no e-mail starting with Recordatorio");
    ClockUtil.setCurrentTime(at("2026-11-26T16:01"));
    runDueTimers(failure);
    assertThat(message("Recordatorio").getAllRecipients()[0].toString()).isEqualTo("soporte@arrendadora.example");
    assertThat(failure).isWaitingAt("Task_RecordProviderReply");
  }

  @Test
  void repairableWithPartsInStockIsRepairedAndBackInService() {
    ProcessInstance failure = report("INV-NONE");
    diagnose(failure, "repair_in_stock", Map.of());
    assertThat(failure).isWaitingAt("Task_Repair");
    complete(failure, Map.of("repairDone", "Se cambió la memoria RAM", "repairedOk", true));
    assertThat(failure).isEnded();
    assertThat(outcome(failure)).isEqualTo("repaired");
    assertThat(status("INV-NONE")).isEqualTo("in_service");
  }

  @Test
  void missingPartsLendALoanerSendTheMemoAndRepairAfterFinanceApproves() throws Exception {
    ProcessInstance failure = report("INV-NONE");
    diagnose(failure, "parts_missing", Map.of("partsNeeded", "Fuente de poder 500 W", "estimatedCost", 450.5));
    assertThat(runtimeService.getVariable(failure.getId(), "loanerAssetTag")).isEqualTo("PRE-1");
    assertThat(status("PRE-1")).isEqualTo("on_loan");
    assertThat(status("INV-NONE")).isEqualTo("in_repair");

    // EF-5: the memo is a PDF (issue 18: it was an HTML variable Finance could not download), kept with the case,
    // attached to the e-mail to Finance, offered for download in Finance's task
    List<Attachment> attachments = taskService.getProcessInstanceAttachments(failure.getId());
    assertThat(attachments).singleElement().satisfies(memo -> assertThat(memo.getType()).isEqualTo("application/pdf"));
    String ticket = (String) runtimeService.getVariable(failure.getId(), "ticketNumber");
    try (InputStream content = taskService.getAttachmentContent(attachments.get(0).getId())) {
      String text = PdfText.of(content.readAllBytes());
      assertThat(text).contains("MEMORANDO", "Fuente de poder 500 W", "Q 450.50", "PRE-1", "INV-NONE",
          "Rosa Pérez — Operaciones", "Caso " + ticket, "Institución pública");
    }
    org.camunda.bpm.engine.variable.value.FileValue memoFile =
        runtimeService.getVariableTyped(failure.getId(), "financeMemo");
    assertThat(memoFile.getMimeType()).isEqualTo("application/pdf");
    assertThat(PdfText.of(memoFile.getValue().readAllBytes())).contains("Q 450.50");
    MimeMessage memoMail = message("Memorando");
    assertThat(memoMail.getAllRecipients()[0].toString()).isEqualTo("administracion-finanzas@institucion.gob");
    assertThat(PdfText.attachments(memoMail)).singleElement().satisfies(pdf -> {
      assertThat(pdf.fileName()).isEqualTo("Memorando DAF " + ticket + ".pdf");
      assertThat(PdfText.of(pdf.content())).contains("MEMORANDO", "Q 450.50", "Caso " + ticket);
      PdfText.renderPages(pdf.content(), "finance-memo");
    });
    assertThat((String) runtimeService.getVariable(failure.getId(), "financeMemoUrl")).matches("/mesa/documentos/\\d+");

    assertThat(failure).isWaitingAt("Task_DecideFinance");
    assertCandidateGroup(task(failure), "daf");
    complete(failure, Map.of("financeDecision", "approve", "financeComment", "Aprobado con fondos de mantenimiento"));
    assertThat(failure).isWaitingAt("Task_ReceiveParts");
    complete(failure, Map.of("partsReceived", "Fuente de poder 500 W"));
    assertThat(failure).isWaitingAt("Task_Repair");
    complete(failure, Map.of("repairDone", "Fuente instalada", "repairedOk", true));
    assertThat(failure).isEnded();
    assertThat(status("PRE-1")).isEqualTo("in_service");
    assertThat(status("INV-NONE")).isEqualTo("in_service");
  }

  @Test
  void withoutAFreeLoanerTheMemoStillGoes() {
    ProcessInstance other = report("INV-EXP"); // another running case has the only loaner
    diagnose(other, "parts_missing", Map.of("partsNeeded", "Fuente", "estimatedCost", 300));
    assertThat(runtimeService.getVariable(other.getId(), "loanerAssetTag")).isEqualTo("PRE-1");
    ProcessInstance failure = report("INV-NONE");
    diagnose(failure, "parts_missing", Map.of("partsNeeded", "Disco duro", "estimatedCost", 600));
    assertThat(runtimeService.getVariable(failure.getId(), "loanerAssetTag")).isNull();
    assertThat(failure).isWaitingAt("Task_DecideFinance");
  }

  @Test
  void financeRejectsAndTheCaseClosesWithTheUnitStillInRepair() {
    ProcessInstance failure = report("INV-NONE");
    diagnose(failure, "parts_missing", Map.of("partsNeeded", "Disco duro", "estimatedCost", 600));
    complete(failure, Map.of("financeDecision", "reject", "financeComment", "Sin presupuesto este año"));
    assertThat(failure).isEnded();
    assertThat(outcome(failure)).isEqualTo("finance_rejected");
    assertThat(status("INV-NONE")).isEqualTo("in_repair");
    assertThat(status("PRE-1")).isEqualTo("in_service");
  }

  @Test
  void financeAsksForQuotesBeforeDeciding() {
    ProcessInstance failure = report("INV-NONE");
    diagnose(failure, "parts_missing", Map.of("partsNeeded", "Disco duro", "estimatedCost", 600));
    complete(failure, Map.of("financeDecision", "quotes", "financeComment", "Traer tres cotizaciones"));
    assertThat(failure).isWaitingAt("Task_AttachQuotes");
    complete(failure, Map.of("quotesSummary", "Distec Q 580; Compumundo Q 610; Intelaf Q 595"));
    assertThat(failure).isWaitingAt("Task_DecideFinance");
  }

  @Test
  void permanentFailureIsReplacedWithASpareUnitOnlyWithTheDirectorsAuthorization() {
    ProcessInstance failure = report("INV-NONE");
    diagnose(failure, "permanent_failure", Map.of("estimatedCost", 8500));
    assertThat(failure).isWaitingAt("Task_AuthorizeReplacement");
    assertCandidateGroup(task(failure), "director-ti");
    assertThat(runtimeService.getVariable(failure.getId(), "replacementAssetTag")).isEqualTo("REP-1");
    complete(failure, Map.of("replacementAuthorized", true, "directorComment", "Autorizado"));
    assertThat(failure).isEnded();
    assertThat(outcome(failure)).isEqualTo("replaced");
    assertThat(status("INV-NONE")).isEqualTo("replaced");
    Asset replacement = assets.findByAssetTag("REP-1").orElseThrow();
    assertThat(replacement.assignedUser()).isEqualTo("rosa");
    assertThat(replacement.department()).isEqualTo("operaciones");
  }

  @Test
  void refusedReplacementBecomesAPurchaseMemoAndTheBoughtUnitIsRegistered() {
    ProcessInstance failure = report("INV-NONE");
    diagnose(failure, "permanent_failure", Map.of("estimatedCost", 8500));
    complete(failure, Map.of("replacementAuthorized", false, "directorComment", "Esa unidad es para la bodega"));
    assertThat(failure).isWaitingAt("Task_DecideFinance");
    assertThat(runtimeService.getVariable(failure.getId(), "memoPurpose")).isEqualTo("purchase");
    complete(failure, Map.of("financeDecision", "approve"));
    complete(failure, Map.of("partsReceived", "Computadora Dell OptiPlex 7020", "newAssetTag", "INV-NEW"));
    assertThat(failure).isEnded();
    assertThat(status("INV-NONE")).isEqualTo("replaced");
    assertThat(assets.findByAssetTag("INV-NEW").orElseThrow().assignedUser()).isEqualTo("rosa");
    assertThat(status("REP-1")).isEqualTo("in_service");
  }

  @Test
  void permanentFailureWithoutASpareUnitGoesStraightToAPurchaseMemo() {
    assets.changeStatus("REP-1", Asset.DECOMMISSIONED);
    ProcessInstance failure = report("INV-NONE");
    diagnose(failure, "permanent_failure", Map.of("estimatedCost", 8500));
    assertThat(failure).hasPassed("Task_PrepareReplacementPurchase").isWaitingAt("Task_DecideFinance");
  }

  @Test
  void anUnknownTagIsIdentifiedOrRegisteredFirst() {
    ProcessInstance failure = report("INV-999");
    assertThat(failure).isWaitingAt("Task_IdentifyAsset");
    Map<String, Object> newUnit = new HashMap<>();
    newUnit.put("assetTag", "INV-999");
    newUnit.put("registerNew", true);
    newUnit.put("equipmentType", "desktop");
    newUnit.put("brand", "Lenovo");
    newUnit.put("ownership", "owned");
    newUnit.put("warrantyEndDate", "2027-01-31");
    complete(failure, newUnit);
    assertThat(assets.findByAssetTag("INV-999")).isPresent();
    assertThat(failure).isWaitingAt("Task_RecordProviderReply"); // under warranty on the failure date
  }

  @Test
  void aDiagnosisWithoutFindingsOrCostsIsRefused() {
    ProcessInstance failure = report("INV-NONE");
    String taskId = task(failure).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("diagnosisResult", "repair_in_stock")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("hallazgos");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("findings", "Fuente quemada",
        "diagnosisResult", "parts_missing", "partsNeeded", "Fuente")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("costo estimado");
    assertThat(failure).isWaitingAt("Task_Diagnose");
  }

  // --- issue 14: a leased unit whose lessor refuses goes to the Technology Director, never in-house ---

  @Test
  void aLeasedUnitWhoseLessorRefusesIsPursuedByTheDirectorNeverRepairedOrReplacedInHouse() {
    ProcessInstance failure = report("INV-LEASE");
    complete(failure, Map.of("providerOutcome", "refused", "providerNotes", "El contrato no cubre golpes"));
    assertThat(failure).isWaitingAt("Task_PursueLessor");
    assertCandidateGroup(task(failure), "director-ti");

    String taskId = task(failure).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("lessorOutcome", "lessor_repaired")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("gestiones realizadas");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("lessorActions", "Nota 12/2026 al arrendador")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("resultado de la gestión");
    assertThat(failure).isWaitingAt("Task_PursueLessor");

    complete(failure, Map.of("lessorActions", "Nota 12/2026 al arrendador citando la cláusula 7 del contrato ARR-4",
        "lessorOutcome", "lessor_contract_action", "lessorReference", "Nota DT 12/2026"));
    assertThat(failure).isEnded().hasPassed("Task_RecordLessorOutcome")
        .hasNotPassed("Task_Diagnose", "Task_LendLoaner", "Task_FindReplacementUnit", "Task_SendMemoToFinance");
    assertThat(outcome(failure)).isEqualTo("lessor_contract_action");
    assertThat(status("INV-LEASE")).isEqualTo("in_repair");
    assertThat(status("PRE-1")).isEqualTo("in_service");
    assertThat(status("REP-1")).isEqualTo("in_service");
    assertThat(history.findByAssetTag("INV-LEASE")).singleElement().satisfies(event -> {
      assertThat(event.event()).isEqualTo(AssetEvent.LESSOR_PURSUED);
      assertThat(event.caseNumber()).isEqualTo(failure.getBusinessKey());
      assertThat(event.detail()).contains("Arrendadora S.A.", "ARR-4", "El contrato no cubre golpes",
          "cláusula 7", "acción según el contrato", "Nota DT 12/2026");
    });
  }

  @Test
  void aLessorThatRepairsAfterTheDirectorsClaimPutsTheUnitBackInService() {
    ProcessInstance failure = report("INV-LEASE");
    complete(failure, Map.of("providerOutcome", "refused", "providerNotes", "Sin técnico disponible"));
    complete(failure, Map.of("lessorActions", "Reclamo formal; el arrendador envió técnico", "lessorOutcome",
        "lessor_repaired"));
    assertThat(outcome(failure)).isEqualTo("lessor_repaired");
    assertThat(status("INV-LEASE")).isEqualTo("in_service");
  }

  // --- issue 14: what a case reserves is held from the choice, checked again at use, released at the end ---

  @Test
  void twoCasesCompetingForTheLastSpareUnitNeverGetTheSameOne() {
    ProcessInstance first = report("INV-NONE");
    diagnose(first, "permanent_failure", Map.of("estimatedCost", 8500));
    assertThat(first).isWaitingAt("Task_AuthorizeReplacement");
    assertThat(runtimeService.getVariable(first.getId(), "replacementAssetTag")).isEqualTo("REP-1");

    ProcessInstance second = report("INV-EXP"); // same type, warranty expired: in-house
    diagnose(second, "permanent_failure", Map.of("estimatedCost", 8200));
    assertThat(runtimeService.getVariable(second.getId(), "replacementAvailable")).isEqualTo(false);
    assertThat(second).hasPassed("Task_PrepareReplacementPurchase").isWaitingAt("Task_DecideFinance");

    complete(first, Map.of("replacementAuthorized", true, "directorComment", "Autorizado"));
    assertThat(outcome(first)).isEqualTo("replaced");
    assertThat(assets.findByAssetTag("REP-1").orElseThrow().assignedUser()).isEqualTo("rosa");
    assertThat(history.findByAssetTag("REP-1")).extracting(AssetEvent::event)
        .containsExactly(AssetEvent.SPARE_HELD, AssetEvent.SPARE_RELEASED);
  }

  @Test
  void aSpareUnitRefusedByTheDirectorIsFreeForTheNextCase() {
    ProcessInstance first = report("INV-NONE");
    diagnose(first, "permanent_failure", Map.of("estimatedCost", 8500));
    complete(first, Map.of("replacementAuthorized", false, "directorComment", "Se reserva para la bodega"));
    ProcessInstance second = report("INV-EXP");
    diagnose(second, "permanent_failure", Map.of("estimatedCost", 8200));
    assertThat(second).isWaitingAt("Task_AuthorizeReplacement");
    assertThat(runtimeService.getVariable(second.getId(), "replacementAssetTag")).isEqualTo("REP-1");
  }

  @Test
  void aCaseDeletedWithItsListenersGivesBackItsSpareUnitAndItsLoaner() {
    ProcessInstance spare = report("INV-NONE");
    diagnose(spare, "permanent_failure", Map.of("estimatedCost", 8500));
    ProcessInstance loan = report("INV-EXP");
    diagnose(loan, "parts_missing", Map.of("partsNeeded", "Fuente", "estimatedCost", 300));
    assertThat(status("PRE-1")).isEqualTo("on_loan");

    runtimeService.deleteProcessInstance(spare.getId(), "Caso duplicado");
    runtimeService.deleteProcessInstance(loan.getId(), "Caso duplicado");
    assertThat(assets.findTagsHeldFor(spare.getBusinessKey())).isEmpty();
    assertThat(status("PRE-1")).isEqualTo("in_service");
    assertThat(history.findByAssetTag("PRE-1")).extracting(AssetEvent::event)
        .containsExactly(AssetEvent.LOANER_LENT, AssetEvent.LOANER_RETURNED);
  }

  @Test
  void aCaseDeletedInCockpitWithoutListenersStillFreesItsUnitsForTheNextCase() {
    ProcessInstance spare = report("INV-NONE");
    diagnose(spare, "permanent_failure", Map.of("estimatedCost", 8500));
    ProcessInstance loan = report("INV-EXP");
    diagnose(loan, "parts_missing", Map.of("partsNeeded", "Fuente", "estimatedCost", 300));
    // Cockpit's delete dialog can skip custom listeners
    runtimeService.deleteProcessInstance(spare.getId(), "Caso duplicado", true);
    runtimeService.deleteProcessInstance(loan.getId(), "Caso duplicado", true);
    assertThat(status("PRE-1")).isEqualTo("on_loan");

    ProcessInstance next = report("INV-WARR");
    complete(next, Map.of("providerOutcome", "refused", "providerNotes", "Fuera de cobertura"));
    diagnose(next, "permanent_failure", Map.of("estimatedCost", 8500));
    assertThat(runtimeService.getVariable(next.getId(), "replacementAssetTag")).isEqualTo("REP-1");
    ProcessInstance another = report("INV-NONE");
    diagnose(another, "parts_missing", Map.of("partsNeeded", "Fuente", "estimatedCost", 300));
    assertThat(runtimeService.getVariable(another.getId(), "loanerAssetTag")).isEqualTo("PRE-1");
  }

  @Test
  void aSpareUnitChangedInTheRegisterWhileHeldIsCheckedAgainWhenUsed() {
    ProcessInstance failure = report("INV-NONE");
    diagnose(failure, "permanent_failure", Map.of("estimatedCost", 8500));
    Asset held = assets.findByAssetTag("REP-1").orElseThrow();
    register.update("REP-1", new Asset(null, "REP-1", held.equipmentType(), held.brand(), held.model(),
        held.serialNumber(), "juridico", "Oficina 3", "luis", held.ownership(), held.providerName(),
        held.providerEmail(), held.contractNumber(), held.warrantyEndDate(), held.status(), false, null, null,
        null)); // handed to someone else from the register meanwhile
    complete(failure, Map.of("replacementAuthorized", true, "directorComment", "Autorizado"));
    assertThat(failure).hasPassed("Event_SpareUnitGone", "Task_PrepareReplacementPurchase")
        .isWaitingAt("Task_DecideFinance");
    assertThat(status("INV-NONE")).isEqualTo("in_repair");
    assertThat(assets.findByAssetTag("REP-1").orElseThrow().assignedUser()).isEqualTo("luis");
    assertThat(assets.findTagsHeldFor(failure.getBusinessKey())).isEmpty();
  }

  // --- issue 14: the memo to Finance names the diagnosis, the recommendation and the costs on every path ---

  @Test
  void theMemoOnEveryPathNamesTheDiagnosisTheRecommendationAndTheCosts() throws Exception {
    ProcessInstance parts = report("INV-NONE");
    diagnose(parts, "parts_missing", Map.of("partsNeeded", "Fuente de poder 500 W", "estimatedCost", 450.5));
    assertThat(memo(parts)).contains("Fuente de poder quemada", "la compra de las partes indicadas para reparar",
        "Q 450.50");

    ProcessInstance refused = report("INV-EXP");
    diagnose(refused, "permanent_failure", Map.of("estimatedCost", 8500));
    complete(refused, Map.of("replacementAuthorized", false, "directorComment", "No"));
    // EF-6: the replacement purchase request is its own document, with the case and the cost
    assertThat(memo(refused)).contains("SOLICITUD DE COMPRA DE EQUIPO DE REEMPLAZO", "Fuente de poder quemada",
        "la compra de un equipo de características similares", "Q 8,500.00");

    assets.changeStatus("REP-1", Asset.DECOMMISSIONED); // no spare unit left
    ProcessInstance noSpare = report("INV-WARR");
    complete(noSpare, Map.of("providerOutcome", "refused", "providerNotes", "Fuera de cobertura"));
    diagnose(noSpare, "permanent_failure", Map.of("estimatedCost", 9100.25));
    assertThat(noSpare).hasPassed("Task_PrepareReplacementPurchase").hasNotPassed("Task_AuthorizeReplacement");
    assertThat(memo(noSpare)).contains("Fuente de poder quemada",
        "la compra de un equipo de características similares", "Q 9,100.25");
  }

  @Test
  void aPermanentFailureWithoutTheEstimatedCostOfASimilarUnitIsRefused() {
    ProcessInstance failure = report("INV-NONE");
    String taskId = task(failure).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("findings", "Tarjeta madre quemada",
        "diagnosisResult", "permanent_failure")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("costo estimado de un equipo");
    assertThat(failure).isWaitingAt("Task_Diagnose");
  }

  private String memo(ProcessInstance failure) throws Exception {
    List<Attachment> attachments = taskService.getProcessInstanceAttachments(failure.getId());
    assertThat(attachments).hasSize(1);
    try (InputStream content = taskService.getAttachmentContent(attachments.get(0).getId())) {
      return PdfText.of(content.readAllBytes());
    }
  }

  // --- helpers ---

  private ProcessInstance report(String assetTag) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Rosa Pérez");
    variables.put("requesterEmail", "rosa.perez@institucion.gob");
    variables.put("department", "operaciones");
    variables.put("assetTag", assetTag);
    variables.put("failureDate", FAILURE_DATE);
    variables.put("failureDescription", "El equipo no enciende después de un corte de luz");
    ProcessInstance failure = runtimeService.startProcessInstanceByKey("equipment-failure", variables);
    assertThat(failure.getBusinessKey()).matches("EQP-2026-\\d{6}");
    runAsyncSteps(failure);
    return failure;
  }

  private void diagnose(ProcessInstance failure, String result, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put("findings", "Fuente de poder quemada; tarjeta madre sin daño visible");
    variables.put("failedPart", "Fuente de poder");
    variables.put("diagnosisResult", result);
    complete(failure, variables);
  }

  private void complete(ProcessInstance failure, Map<String, Object> variables) {
    taskService.complete(task(failure).getId(), variables);
    runAsyncSteps(failure);
  }

  private Task task(ProcessInstance instance) {
    return Jobs.onlyTask(taskService, instance);
  }

  private void assertCandidateGroup(Task task, String group) {
    Jobs.assertCandidateGroup(taskService, task, group);
  }

  private String outcome(ProcessInstance failure) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(failure.getId()).variableName("equipmentOutcome").singleResult().getValue();
  }

  private String status(String assetTag) {
    return assets.findByAssetTag(assetTag).orElseThrow().status();
  }

  private void runAsyncSteps(ProcessInstance instance) {
    Jobs.runAsyncSteps(managementService, instance);
  }

  private void runDueTimers(ProcessInstance failure) {
    managementService.createJobQuery().processInstanceId(failure.getId()).timers().executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    runAsyncSteps(failure);
  }

  private MimeMessage message(String subjectStart) throws Exception {
    return Jobs.message(mail.getReceivedMessages(), subjectStart);
  }
}
