package org.mesadeayuda.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.mesadeayuda.platform.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The register of monthly reports (RP-1, RP-2) for the head of IT, Quality Management and the support desk. */
@RestController
@RequestMapping("/api/reports/monthly")
public class MonthlyReportController {

  private static final String READERS = "solo la Dirección de Tecnología, Gestión de Calidad y la mesa de ayuda "
      + "consultan los informes mensuales";

  private final MonthlyReportRegister register;
  private final CurrentUser currentUser;
  private final ObjectMapper json;

  public MonthlyReportController(MonthlyReportRegister register, CurrentUser currentUser, ObjectMapper json) {
    this.register = register;
    this.currentUser = currentUser;
    this.json = json;
  }

  /** A month in the list: its main indicators and the delivery. */
  public record MonthlyReportSummary(String month, String reportCode, String status, Instant dueAt,
      Integer requestsReceived, Integer requestsAttended, BigDecimal percentConforming,
      BigDecimal percentFirstResponseOnTime, BigDecimal averageResolutionDays, BigDecimal percentSatisfied,
      String deliveredBy, Instant deliveredAt, Boolean deliveredOnTime) {

    static MonthlyReportSummary of(MonthlyReportEntry report) {
      return new MonthlyReportSummary(report.reportMonth(), report.reportCode(), report.status(), report.dueAt(),
          report.requestsReceived(), report.requestsAttended(), report.percentConforming(),
          report.percentFirstResponseOnTime(), report.averageResolutionDays(), report.percentSatisfied(),
          report.deliveredBy(), report.deliveredAt(), report.deliveredOnTime());
    }
  }

  /** A month in full: the summary, every figure and the narrative. */
  public record MonthlyReportDetail(MonthlyReportSummary summary, JsonNode figures, String narrative) {}

  @GetMapping
  public List<MonthlyReportSummary> reports() {
    requireReader();
    return register.all().stream().map(MonthlyReportSummary::of).toList();
  }

  @GetMapping("/{month}")
  public ResponseEntity<MonthlyReportDetail> report(@PathVariable String month) {
    requireReader();
    return parse(month).flatMap(register::find)
        .map(report -> new MonthlyReportDetail(MonthlyReportSummary.of(report), figures(report), report.narrative()))
        .map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
  }

  private JsonNode figures(MonthlyReportEntry report) {
    try {
      return report.figures() == null ? null : json.readTree(report.figures());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures of " + report.reportMonth() + " are not JSON", e);
    }
  }

  private static Optional<YearMonth> parse(String month) {
    try {
      return Optional.of(YearMonth.parse(month));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private void requireReader() {
    currentUser.requireSupervisor(READERS);
  }
}
