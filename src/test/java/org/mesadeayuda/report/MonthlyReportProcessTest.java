package org.mesadeayuda.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mesadeayuda.OfficeTime.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.mesadeayuda.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.YearMonth;
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
import org.mesadeayuda.PdfText;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of processes/monthly-report.bpmn (RP-1, RP-2), driven as the timer, the forms and the job executor. */
@MesaSpringTest
class MonthlyReportProcessTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP).withPerMethodLifecycle(false);

  static final YearMonth MARCH = YearMonth.of(2026, 3);
  static final String NARRATIVE = "Se atendieron las solicitudes del mes, se instaló el equipo de la sala de "
      + "reuniones y se entregaron dos dictámenes técnicos de baja de equipo.";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @Autowired MonthlyReportRegister register;

  MonthOfWork march;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    mail.purgeEmailFromAllMailboxes();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report").list()
        .forEach(running -> runtimeService.deleteProcessInstance(running.getId(), "test set-up"));
    jdbc.sql("DELETE FROM monthly_report").update();
    march = new MonthOfWork(jdbc, MARCH, "R26");
    march.seed();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    march.clear();
  }

  @Test
  void onTheFirstOfAprilTheTimerOpensMarchDueOnTheTenthBusinessDayAfterHolyWeek() throws Exception {
    ClockUtil.setCurrentTime(at("2026-04-01T07:00"));
    fireMonthlyTimer();
    ProcessInstance report = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("IM-2026-03")
        .singleResult();
    assertThat(report).isNotNull();
    assertThat(report).isWaitingAt("Task_ComputeFigures");
    Jobs.runAsyncSteps(managementService, report);

    assertThat(report).isWaitingAt("Task_PresentReport");
    Task task = Jobs.onlyTask(taskService, report);
    Jobs.assertCandidateGroup(taskService, task, "director-ti");
    // 1 April is the 1st business day; Holy Thursday and Good Friday (2 and 3 April) do not count: the 10th is the
    // 16th, not the 14th
    assertThat(task.getDueDate()).isEqualTo(at("2026-04-16T16:00"));
    assertThat(runtimeService.getVariable(report.getId(), "reportDueLabel"))
        .isEqualTo("jueves 16 de abril de 2026, 16:00");
    String figures = (String) runtimeService.getVariable(report.getId(), "figuresSummary");
    assertThat(figures).contains("**Solicitudes recibidas:** 4", "**Solicitudes atendidas (cerradas):** 4",
        "66,7 % servicio conforme", "**Tiempo promedio de resolución:** 2,25 días hábiles",
        "**Satisfacción promedio:** 50,0 %", "Mantenimientos preventivos realizados: 2");
    MonthlyReportEntry opened = register.find(MARCH).orElseThrow();
    assertThat(opened.status()).isEqualTo(MonthlyReportEntry.OPEN);
    assertThat(opened.openedBy()).isNull();
    assertThat(opened.requestsReceived()).isEqualTo(4);
    assertThat(opened.percentConforming()).isEqualByComparingTo("66.67");
    assertThat(opened.percentSatisfied()).isEqualByComparingTo("50.00");
    assertThat(opened.averageResolutionDays()).isEqualByComparingTo("2.25");

    // RP-2: the narrative of activities is required, long enough, and the figures confirmed
    String taskId = task.getId();
    assertThatThrownBy(() -> taskService.complete(taskId, presentation("", true)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("al menos 50 caracteres");
    assertThatThrownBy(() -> taskService.complete(taskId, presentation("Todo normal.", true)))
        .hasMessageContaining("al menos 50 caracteres");
    assertThatThrownBy(() -> taskService.complete(taskId, presentation(NARRATIVE, false)))
        .hasMessageContaining("Confirme que revisó las cifras");
    assertThat(report).isWaitingAt("Task_PresentReport");

    ClockUtil.setCurrentTime(at("2026-04-15T11:00"));
    taskService.setAssignee(taskId, "diego.director");
    taskService.complete(taskId, presentation(NARRATIVE, true));
    assertThat(report).isWaitingAt("Task_SendReportToQuality");
    Jobs.runAsyncSteps(managementService, report);
    assertThat(report).isEnded().hasPassed("Event_ReportDelivered");

    MonthlyReportEntry delivered = register.find(MARCH).orElseThrow();
    assertThat(delivered.status()).isEqualTo(MonthlyReportEntry.DELIVERED);
    assertThat(delivered.deliveredBy()).isEqualTo("diego.director");
    assertThat(delivered.deliveredAt()).isEqualTo(at("2026-04-15T11:00").toInstant());
    assertThat(delivered.deliveredOnTime()).isTrue();
    assertThat(delivered.narrative()).isEqualTo(NARRATIVE);

    MimeMessage sent = Jobs.message(mail.getReceivedMessages(), "IM-2026-03: informe mensual de la mesa de ayuda");
    assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("gestion-calidad@institucion.gob");
    assertThat(sent.getSubject()).isEqualTo("IM-2026-03: informe mensual de la mesa de ayuda, marzo de 2026");
    String body = PdfText.body(sent);
    assertThat(body).contains("Solicitudes recibidas: 4 (correo electrónico 1, teléfono 1, formulario web 2)",
        "Encuesta de satisfacción (solicitudes atendidas): conforme: 1",
        "Respaldos semanales del centro de datos: correctos: 3", "se instaló el equipo", "entregado dentro del plazo",
        "diego.director", "Informe mensual IM-2026-03.pdf").doesNotContain("**");
    // issue 18: the report goes as a PDF with the register's figures, the chart's table and the narrative
    assertThat(PdfText.attachments(sent)).singleElement().satisfies(pdf -> {
      assertThat(pdf.fileName()).isEqualTo("Informe mensual IM-2026-03.pdf");
      assertThat(PdfText.of(pdf.content())).contains("INFORME MENSUAL DE LA MESA DE AYUDA",
          "marzo de 2026 · IM-2026-03", "Institución pública", "66,7 %", "50,0 %", "2,25 días hábiles",
          "Soporte a equipos de cómputo 2 2", "Total 4 4", "entregado dentro del plazo", "diego.director",
          "15 de abril de 2026, 11:00", "se instaló el equipo de la sala de reuniones");
    });
  }

  @Test
  void theHeadOfItOpensAMonthByHandAndALateDeliveryIsRecordedAsLate() {
    ClockUtil.setCurrentTime(at("2026-04-20T09:00"));
    ProcessInstance report = requestReport("2026-03");
    assertThat(report.getBusinessKey()).isEqualTo("IM-2026-03");
    assertThat(register.find(MARCH).orElseThrow().openedBy()).isEqualTo("diego.director");
    Jobs.runAsyncSteps(managementService, report);
    Task task = Jobs.onlyTask(taskService, report);
    assertThat(task.getDueDate()).isEqualTo(at("2026-04-16T16:00"));

    taskService.complete(task.getId(), presentation(NARRATIVE, true));
    Jobs.runAsyncSteps(managementService, report);
    assertThat(report).isEnded();
    assertThat(register.find(MARCH).orElseThrow().deliveredOnTime()).isFalse();
  }

  @Test
  void aMonthHasOneReportAndTheTimerFindingOneOpenedByHandEndsQuietly() {
    ClockUtil.setCurrentTime(at("2026-03-20T09:00"));
    assertThatThrownBy(() -> requestReport("2026-03")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("marzo de 2026 aún no ha terminado");
    assertThatThrownBy(() -> requestReport("marzo")).hasMessageContaining("AAAA-MM");

    ClockUtil.setCurrentTime(at("2026-03-31T16:30"));
    // the month is still running in the office: the head of IT may open February, not March
    assertThatThrownBy(() -> requestReport("2026-03")).hasMessageContaining("aún no ha terminado");

    ClockUtil.setCurrentTime(at("2026-04-01T06:30"));
    requestReport(null);
    assertThat(register.find(MARCH)).isPresent();
    assertThatThrownBy(() -> requestReport("2026-03")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("El informe de marzo de 2026 (IM-2026-03) ya está abierto en Tasklist");

    ClockUtil.setCurrentTime(at("2026-04-01T07:00"));
    fireMonthlyTimer();
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("Event_ReportAlreadyOpen").count())
        .isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report").count())
        .isEqualTo(1);
    assertThat(register.all()).hasSize(1);
  }

  @Test
  void aReportWhoseCaseWasCancelledIsTakenOverAndADeliveredOneIsNeverRepeated() {
    ClockUtil.setCurrentTime(at("2026-04-02T09:00"));
    ProcessInstance first = requestReport("2026-03");
    runtimeService.deleteProcessInstance(first.getId(), "cancelado en Cockpit");

    ProcessInstance second = requestReport("2026-03");
    assertThat(register.find(MARCH).orElseThrow().processInstanceId()).isEqualTo(second.getId());
    Jobs.runAsyncSteps(managementService, second);
    taskService.complete(Jobs.onlyTask(taskService, second).getId(), presentation(NARRATIVE, true));
    Jobs.runAsyncSteps(managementService, second);

    assertThatThrownBy(() -> requestReport("2026-03"))
        .hasMessageContaining("ya fue entregado a Gestión de Calidad");
  }

  private void fireMonthlyTimer() {
    Job timer = managementService.createJobQuery().processDefinitionKey("monthly-report").timers().list()
        .stream().filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow();
    managementService.executeJob(timer.getId());
  }

  private ProcessInstance requestReport(String month) {
    Map<String, Object> form = new HashMap<>();
    form.put("reportMonth", month);
    form.put("requestedBy", "diego.director");
    return runtimeService.startProcessInstanceByKey("monthly-report", form);
  }

  private static Map<String, Object> presentation(String narrative, boolean confirmed) {
    Map<String, Object> form = new HashMap<>();
    form.put("reportNarrative", narrative);
    form.put("reportConfirmed", confirmed);
    return form;
  }
}
