package org.mesadeayuda.report;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.report.MonthlyFigures.AdditionalTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of the monthly report (RP-1, RP-2), from a month written into the registers, and the report register;
 * on H2 ({@link MonthlyReportTest}) and on PostgreSQL ({@link MonthlyReportPostgresTest}).
 */
abstract class MonthlyReportContract {

  static final YearMonth MAY = YearMonth.of(2098, 5);

  @Autowired MonthlyReport report;
  @Autowired MonthlyReportRegister register;
  @Autowired JdbcClient jdbc;

  MonthOfWork may;

  @BeforeEach
  void seed() {
    may = new MonthOfWork(jdbc, MAY, "R98");
    may.seed();
  }

  @AfterEach
  void clear() {
    may.clear();
    jdbc.sql("DELETE FROM monthly_report WHERE report_month = :month").param("month", MAY.toString()).update();
  }

  @Test
  void requestsReceivedAndAttendedPerTypeAndChannel() {
    MonthlyFigures.Requests requests = report.figures(MAY).requests();
    assertThat(requests.received()).isEqualTo(4);
    assertThat(requests.attended()).isEqualTo(4);
    assertThat(requests.receivedPerType())
        .containsExactly(Map.entry("equipment_support", 2L), Map.entry("password_reset", 1L),
            Map.entry("telephony", 1L));
    assertThat(requests.attendedPerType())
        .containsExactly(Map.entry("equipment_support", 2L), Map.entry("password_reset", 1L),
            Map.entry("telephony", 1L));
    assertThat(requests.receivedPerChannel())
        .containsExactly(Map.entry("email", 1L), Map.entry("phone", 1L), Map.entry("web", 2L));
  }

  @Test
  void theDeadlineShareLeavesExemptRequestsApartWithTheirReason() {
    MonthlyFigures.Deadline deadline = report.figures(MAY).deadline();
    assertThat(deadline.conforming()).isEqualTo(2);
    assertThat(deadline.nonConforming()).isEqualTo(1);
    assertThat(deadline.exempt()).isEqualTo(1);
    assertThat(deadline.exemptPerReason()).containsExactly(Map.entry("external_servers", 1L));
    // the exact fraction (issue 14): only the text and the register's column round it
    assertThat(deadline.percentConforming()).isEqualTo(200.0 / 3);
  }

  @Test
  void firstResponseResolutionTimeAndEscalations() {
    MonthlyFigures figures = report.figures(MAY);
    assertThat(figures.firstResponse()).isEqualTo(new MonthlyFigures.FirstResponse(2, 1, 1));
    assertThat(figures.firstResponse().percentOnTime()).isEqualTo(200.0 / 3);
    assertThat(figures.averageResolutionBusinessDays()).isEqualTo(2.25);
    assertThat(figures.escalations())
        .isEqualTo(new MonthlyFigures.Escalations(2, 3, Map.of("os_failure", 1L)));
  }

  @Test
  void theSatisfactionSurveyCountsAnswersClosedWithoutAnswerAndPending() {
    MonthlyFigures.Satisfaction satisfaction = report.figures(MAY).satisfaction();
    assertThat(satisfaction).isEqualTo(new MonthlyFigures.Satisfaction(1, 1, 1, 1));
    assertThat(satisfaction.percentSatisfied()).isEqualTo(50.0);
  }

  @Test
  void theAdditionalTasksOfTheMonthFromTheOtherRegisters() {
    assertThat(report.figures(MAY).additionalTasks())
        .isEqualTo(new AdditionalTasks(2, 1, 1, 1, 3, 1, 1, 1, 1, 0, 2, 1, 1));
  }

  @Test
  void aMonthWithoutWorkHasZerosAndNoPercentages() {
    MonthlyFigures empty = report.figures(YearMonth.of(2097, 2));
    assertThat(empty.requests().received()).isZero();
    assertThat(empty.deadline().percentConforming()).isNull();
    assertThat(empty.firstResponse().percentOnTime()).isNull();
    assertThat(empty.averageResolutionBusinessDays()).isNull();
    assertThat(empty.satisfaction().percentSatisfied()).isNull();
    assertThat(empty.additionalTasks()).isEqualTo(new AdditionalTasks(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    // the head of IT reads "sin datos", not a sentence about a percentage that does not exist
    assertThat(MonthlyReportText.markdown(empty))
        .contains("**Plazo de 3 días hábiles:** sin datos (conformes: 0; no conformes: 0)")
        .contains("**Primera respuesta en 12 horas:** sin datos (a tiempo: 0;")
        .contains("**Satisfacción promedio:** sin datos\n")
        .doesNotContain("sin datos servicio", "sin datos a tiempo", "sin datos de las respuestas");
  }

  /**
   * Issue 14, "indicators decide on exact values" (SR-9 in the report): a request answered one second after its
   * 12-hour deadline is late, one answered at the deadline is on time; the share is the exact fraction and only the
   * text rounds it.
   */
  @Test
  void aFirstResponseOneSecondLateIsLateAndTheShareIsExact() {
    may.answeredAroundItsDeadline("7", may.day(19, "09:00"), java.time.Duration.ofSeconds(1));
    may.answeredAroundItsDeadline("8", may.day(20, "09:00"), java.time.Duration.ZERO);
    may.answeredAroundItsDeadline("9", may.day(21, "09:00"), java.time.Duration.ofSeconds(1));

    MonthlyFigures figures = report.figures(MAY);

    assertThat(figures.firstResponse()).isEqualTo(new MonthlyFigures.FirstResponse(3, 3, 1));
    assertThat(figures.firstResponse().percentOnTime()).isEqualTo(50.0);
    may.answeredAroundItsDeadline("10", may.day(22, "09:00"), java.time.Duration.ZERO);
    MonthlyFigures.FirstResponse fourOfSeven = report.figures(MAY).firstResponse();
    assertThat(fourOfSeven.percentOnTime()).isEqualTo(400.0 / 7);
    assertThat(MonthlyReportText.markdown(report.figures(MAY)))
        .contains("**Primera respuesta en 12 horas:** 57,1 % a tiempo (a tiempo: 4; tarde: 3;");
  }

  /** The figures kept for decisions are exact; the register's columns and the text are rounded for reading. */
  @Test
  void theRegisterKeepsTheExactFiguresBesideTheRoundedColumns() throws Exception {
    jdbc.sql("DELETE FROM monthly_report WHERE report_month = :month").param("month", MAY.toString()).update();
    register.open(MAY, "process-1", null, Instant.parse("2098-06-01T13:00:00Z"));
    register.recordFigures(MAY, report.figures(MAY), Instant.parse("2098-06-01T13:00:00Z"));

    MonthlyReportEntry computed = register.find(MAY).orElseThrow();
    assertThat(computed.percentConforming()).isEqualByComparingTo("66.67");
    com.fasterxml.jackson.databind.JsonNode kept = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(computed.figures());
    assertThat(kept.at("/deadline/percentConforming").asDouble()).isEqualTo(200.0 / 3);
    assertThat(kept.at("/deadline/conforming").asLong()).isEqualTo(2);
    assertThat(kept.at("/deadline/nonConforming").asLong()).isEqualTo(1);
  }

  @Test
  void theHeadOfItReadsTheFiguresInSpanish() {
    String text = MonthlyReportText.markdown(report.figures(MAY));
    assertThat(text)
        .contains("**Solicitudes recibidas:** 4 (correo electrónico 1, teléfono 1, formulario web 2)")
        .contains("- Soporte a equipos de cómputo: 2 / 2")
        .contains("66,7 % servicio conforme (conformes: 2; no conformes: 1)")
        .contains("**Exentas del plazo** (no cuentan en el porcentaje): 1 (acceso a servidores de otra institución 1)")
        .contains("**Tiempo promedio de resolución:** 2,25 días hábiles")
        .contains("conforme: 1; no conforme: 1; cerradas sin respuesta: 1; por calificar: 1")
        .contains("**Satisfacción promedio:** 50,0 %")
        .contains("- Respaldos semanales del centro de datos: correctos: 3; fallidos: 1; registrados fuera de plazo: 1")
        .contains("**Escalamientos:** 3 (solicitudes escaladas: 2)  \n**Ampliaciones de plazo:** 1 (falla del sistema operativo 1)");
  }

  @Test
  void theRegisterKeepsOneReportPerMonthWithItsFiguresAndDelivery() {
    jdbc.sql("DELETE FROM monthly_report WHERE report_month = :month").param("month", MAY.toString()).update();
    Instant opened = Instant.parse("2098-06-01T13:00:00Z");
    MonthlyReportEntry open = register.open(MAY, "process-1", null, opened);
    assertThat(open.reportCode()).isEqualTo("IM-2098-05");
    assertThat(open.status()).isEqualTo(MonthlyReportEntry.OPEN);
    // June 2098 starts on a Sunday: the 10th business day is Friday 13 June, at the close of the office day
    assertThat(open.dueAt()).isEqualTo(Instant.parse("2098-06-13T22:00:00Z"));
    assertThatThrownBy(() -> register.open(MAY, "process-2", "diego.director", opened))
        .isInstanceOf(DuplicateKeyException.class);

    register.recordFigures(MAY, report.figures(MAY), opened);
    MonthlyReportEntry computed = register.find(MAY).orElseThrow();
    assertThat(computed.requestsReceived()).isEqualTo(4);
    assertThat(computed.requestsAttended()).isEqualTo(4);
    assertThat(computed.percentConforming()).isEqualByComparingTo("66.67");
    assertThat(computed.percentFirstResponseOnTime()).isEqualByComparingTo("66.67");
    assertThat(computed.averageResolutionDays()).isEqualByComparingTo("2.25");
    assertThat(computed.percentSatisfied()).isEqualByComparingTo("50");
    assertThat(computed.figures()).contains("\"month\":\"2098-05\"", "\"percentSatisfied\":50.0");

    assertThat(register.recordDelivery(MAY, "Actividades de mayo.", "diego.director",
        Instant.parse("2098-06-13T22:00:01Z"))).as("a second after the deadline is late").isFalse();
    MonthlyReportEntry delivered = register.find(MAY).orElseThrow();
    assertThat(delivered.status()).isEqualTo(MonthlyReportEntry.DELIVERED);
    assertThat(delivered.deliveredOnTime()).isFalse();
    assertThat(delivered.deliveredAt()).isEqualTo(Instant.parse("2098-06-13T22:00:01Z"));
  }
}
