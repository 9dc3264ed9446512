package org.mesadeayuda.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /api/reports/monthly: the register of monthly reports, for the head of IT, Quality and the support desk. */
@MesaSpringTest
class MonthlyReportApiTest {

  static final String QUALITY = "api.calidad.rp";
  static final String STAFF = "api.funcionario.rp";
  static final String PASSWORD = "Clave-de-prueba-7";
  static final YearMonth JUNE = YearMonth.of(2098, 6);

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired MonthlyReport report;
  @Autowired MonthlyReportRegister register;

  MonthOfWork june;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, QUALITY, "calidad", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
    jdbc.sql("DELETE FROM monthly_report").update();
    june = new MonthOfWork(jdbc, JUNE, "A98");
    june.seed();
    Instant opened = june.day(30, "23:00").toInstant().plusSeconds(3600);
    register.open(JUNE, null, null, opened);
    register.recordFigures(JUNE, report.figures(JUNE), opened);
    register.recordDelivery(JUNE, "Actividades de junio: soporte, mantenimiento y respaldos del centro de datos.",
        "diego.director", opened.plusSeconds(24 * 3600));
    register.open(JUNE.plusMonths(1), null, "diego.director", opened.plusSeconds(31L * 24 * 3600));
  }

  @AfterEach
  void clear() {
    june.clear();
    jdbc.sql("DELETE FROM monthly_report").update();
  }

  @Test
  void qualityReadsTheReportOfAMonthWithEveryFigure() {
    ResponseEntity<JsonNode> response = http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/reports/monthly/2098-06", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = response.getBody();
    assertThat(body.at("/summary/reportCode").asText()).isEqualTo("IM-2098-06");
    assertThat(body.at("/summary/status").asText()).isEqualTo("delivered");
    assertThat(body.at("/summary/deliveredOnTime").asBoolean()).isTrue();
    assertThat(body.at("/summary/requestsReceived").asInt()).isEqualTo(4);
    assertThat(body.at("/summary/percentConforming").decimalValue()).isEqualByComparingTo("66.67");
    assertThat(body.at("/figures/requests/receivedPerChannel/web").asInt()).isEqualTo(2);
    // the figures are exact (issue 14); the summary's columns are rounded for reading
    assertThat(body.at("/figures/deadline/percentConforming").asDouble()).isEqualTo(200.0 / 3);
    assertThat(body.at("/figures/satisfaction/withoutAnswer").asInt()).isEqualTo(1);
    assertThat(body.at("/figures/satisfaction/percentSatisfied").asDouble()).isEqualTo(50.0);
    assertThat(body.at("/figures/additionalTasks/weeklyBackupsOk").asInt()).isEqualTo(3);
    assertThat(body.at("/narrative").asText()).startsWith("Actividades de junio");
  }

  @Test
  void theListShowsEveryMonthTheLatestFirst() {
    ResponseEntity<JsonNode> response = http.withBasicAuth(QUALITY, PASSWORD)
        .getForEntity("/api/reports/monthly", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).hasSize(2);
    assertThat(response.getBody().get(0).path("month").asText()).isEqualTo("2098-07");
    assertThat(response.getBody().get(0).path("status").asText()).isEqualTo("open");
    assertThat(response.getBody().get(1).path("month").asText()).isEqualTo("2098-06");
  }

  @Test
  void aMonthWithoutReportOrAMalformedMonthIsNotFound() {
    assertThat(http.withBasicAuth(QUALITY, PASSWORD).getForEntity("/api/reports/monthly/2098-01", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth(QUALITY, PASSWORD).getForEntity("/api/reports/monthly/junio", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void otherStaffMayNotReadTheReports() {
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/reports/monthly", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/reports/monthly/2098-06", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
