package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mesadeayuda.Application;
import org.mesadeayuda.support.SupportTargets;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each institution's profile starts the application and applies its own rules (README "Institution profiles"): its
 * calendar and targets on one known date, the procedures its manual has (the others cannot be started and their
 * timers do not fire), its catalogue, departments, case prefix and addresses. One application per profile, started
 * here and closed after: the rest of the suite shares the generic profile's.
 */
class InstitutionProfilesTest {

  /**
   * A ticket received on Friday 14 August 2026 at 10:00 local time, low impact and urgency (3 business days, 12 hours):
   * Colombia's Assumption is moved to Monday 17 August (Ley 51 de 1983), so Colombian institutions count Tuesday to
   * Thursday; in Guatemala (15 August is Guatemala City's own holiday, a Saturday this year) and Paraguay the days are
   * Monday to Wednesday. The deadline is the closing time of the third day, in the institution's own office hours.
   */
  static Stream<Arguments> profiles() {
    return Stream.of(
        Arguments.of(new Expected("dinacopa", "America/Asuncion", LocalDate.of(2026, 8, 19), LocalTime.of(15, 0),
            "SOP", "informatica@correoparaguay.gov.py",
            List.of("equipment-failure", "information-backup", "remote-access", "software-declaration",
                "software-installation", "support-request"),
            "telephony", 12, 3)),
        Arguments.of(new Expected("diaco", "America/Guatemala", LocalDate.of(2026, 8, 19), LocalTime.of(16, 0),
            "DTI", "soporte.ti@diaco.gob.gt",
            List.of("data-centre-backup", "email-account", "monthly-report", "preventive-maintenance",
                "support-request"),
            "telephony", 12, 3)),
        Arguments.of(new Expected("mineco", "America/Guatemala", LocalDate.of(2026, 8, 19), LocalTime.of(16, 0),
            "OTRS", "soporte.dti@mineco.gob.gt", List.of("support-request"), "website_publication", 12, 3)),
        Arguments.of(new Expected("ministerio", "America/Bogota", LocalDate.of(2026, 8, 20), LocalTime.of(17, 0),
            "SST", "soporte@ministerio.gov.co",
            List.of("equipment-failure", "specialised-request", "support-request"), "telephony", 12, 3)),
        Arguments.of(new Expected("indupal", "America/Bogota", LocalDate.of(2026, 8, 20), LocalTime.of(18, 0),
            "SST", "sistemas@indupalvalledupar.gov.co",
            List.of("infrastructure-logbook", "monthly-report", "preventive-maintenance", "support-request"),
            "system_user_account", 12, 3)));
  }

  record Expected(String profile, String zone, LocalDate resolutionDay, LocalTime closing, String prefix,
      String deskEmail, List<String> active, String typeNotOffered, int firstResponseHours, int resolutionDays) {}

  private ConfigurableApplicationContext context;
  /** Each profile sets the JVM's zone to its office's ({@link OfficeTimeZone}): the rest of the suite gets it back. */
  private final TimeZone suiteZone = TimeZone.getDefault();

  @AfterEach
  void close() {
    TimeZone.setDefault(suiteZone);
    ClockUtil.reset();
    if (context != null) {
      context.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void theProfileStartsTheApplicationWithItsOwnCalendarTargetsAndProcedures(Expected expected) throws Exception {
    context = new SpringApplicationBuilder(Application.class)
        .profiles(expected.profile())
        // arguments, as an operator would give them: they win over the profile's files
        .run("--spring.datasource.url=jdbc:h2:mem:profile-" + expected.profile() + ";DB_CLOSE_DELAY=-1",
            "--spring.datasource.username=sa", "--spring.datasource.password=",
            "--server.port=0",
            // the engine registers itself by name for the whole JVM: under its own name it neither replaces nor, as
            // it closes, unregisters the suite's shared engine ("default"), which the REST API looks up by name
            "--camunda.bpm.process-engine-name=profile-" + expected.profile(),
            "--camunda.bpm.job-execution.enabled=false",
            "--mesa.mail.outbox.background-sender=false",
            "--mesa.mail.outbox.after-commit=none",
            "--mesa.security.admin-password=profile-test-secret");
    ZoneId zone = ZoneId.of(expected.zone());
    // the engine reads cron timers in the JVM's zone: the office's
    assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(zone);
    BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
    assertThat(calendar.zone()).isEqualTo(zone);
    assertThat(context.getBean(SupportTargets.class).maxResolutionBusinessDays()).isEqualTo(expected.resolutionDays());
    assertThat(context.getBean(SupportTargets.class).maxFirstResponseHours())
        .isEqualTo(expected.firstResponseHours());
    InstitutionProperties institution = context.getBean(InstitutionProperties.class);
    assertThat(institution.deskEmail()).isEqualTo(expected.deskEmail());
    assertThat(institution.departments()).containsKey("tecnologia");

    // the procedures of its manual run; the others cannot be started and their start timers are suspended
    RepositoryService repository = context.getBean(RepositoryService.class);
    Set<String> active = new TreeSet<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      if (!definition.isSuspended()) {
        active.add(definition.getKey());
      }
    }
    assertThat(active).containsExactlyElementsOf(expected.active());
    ManagementService management = context.getBean(ManagementService.class);
    assertThat(management.createJobQuery().timers().active().list())
        .allSatisfy(job -> assertThat(expected.active()).contains(job.getProcessDefinitionKey()));
    RuntimeService runtime = context.getBean(RuntimeService.class);
    String inactive = repository.createProcessDefinitionQuery().latestVersion().suspended().list().stream()
        .map(ProcessDefinition::getKey).findFirst().orElseThrow();
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(inactive)).hasMessageContaining("suspended");

    // a ticket received on Friday 14 August 2026, 10:00 at the office
    ZonedDateTime received = ZonedDateTime.of(2026, 8, 14, 10, 0, 0, 0, zone);
    ClockUtil.setCurrentTime(Date.from(received.toInstant()));
    ProcessInstance ticket = runtime.startProcessInstanceByKey("support-request", ticket("equipment_support"));
    assertThat(ticket.getBusinessKey()).matches(expected.prefix() + "-2026-\\d{6}");
    // the ticket is registered after the start's commit (asynchronous step): run its steps as the job executor would
    for (int round = 0; round < 5 && runtime.getVariable(ticket.getId(), "resolutionDue") == null; round++) {
      management.createJobQuery().processInstanceId(ticket.getId()).executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    Date resolutionDue = (Date) runtime.getVariable(ticket.getId(), "resolutionDue");
    assertThat(resolutionDue.toInstant().atZone(zone))
        .isEqualTo(ZonedDateTime.of(expected.resolutionDay(), expected.closing(), zone));
    Date firstResponseDue = (Date) runtime.getVariable(ticket.getId(), "firstResponseDue");
    assertThat(firstResponseDue.toInstant()).isEqualTo(received.plusHours(expected.firstResponseHours()).toInstant());

    // the start form offers the institution's departments and its catalogue's types only
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("support-request")
        .latestVersion().singleResult().getId();
    String served;
    try (var form = context.getBean(FormService.class).getDeployedStartForm(definitionId)) {
      served = new String(form.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(served).contains("\"equipment_support\"").doesNotContain("\"" + expected.typeNotOffered() + "\"");
    for (String department : institution.departments().keySet()) {
      assertThat(served).contains("\"" + department + "\"");
    }

    // a type its catalogue does not offer is refused as the ticket starts
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("support-request", ticket(expected.typeNotOffered())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("esta institución no atiende solicitudes de ese tipo");
  }

  private static Map<String, Object> ticket(String type) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requesterName", "Ana Solicitante");
    variables.put("requesterEmail", "ana@institucion.example");
    variables.put("department", "tecnologia");
    variables.put("channel", "phone");
    variables.put("requestType", type);
    variables.put("description", "La computadora no enciende.");
    variables.put("impact", "low");
    variables.put("urgency", "low");
    return variables;
  }
}
