package org.mesadeayuda.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.PdfText;
import org.mesadeayuda.TasklistBrowser;
import org.mesadeayuda.TestUsers;
import org.mesadeayuda.documents.GeneratedDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly report's PDF holds the register's figures; the month's tickets as CSV (UTF-8 with BOM, semicolons) and
 * XLSX are the rows the report counts; the head of IT and Quality read them, a technician or a requester gets 403.
 */
@MesaSpringTest
class MonthlyReportDocumentsTest {

  static final YearMonth JULY = YearMonth.of(2025, 7);
  static final String PASSWORD = "Clave-de-prueba-1";
  static final String QUALITY = "doc.calidad";
  static final String HEAD_OF_IT = "doc.director";
  static final String TECHNICIAN = "doc.tecnico2";
  static final String REQUESTER = "doc.solicitante2";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired MonthlyReport monthlyReport;
  @Autowired MonthlyReportRegister register;
  @Autowired MonthlyReportDocument document;
  @Autowired TransactionTemplate transaction;

  MonthOfWork july;

  @BeforeEach
  void setUp() {
    TestUsers.create(identityService, QUALITY, "calidad", PASSWORD);
    TestUsers.create(identityService, HEAD_OF_IT, "director-ti", PASSWORD);
    TestUsers.create(identityService, TECHNICIAN, "tecnicos", PASSWORD);
    TestUsers.create(identityService, REQUESTER, "solicitantes", PASSWORD);
    jdbc.sql("DELETE FROM monthly_report WHERE report_month = ?").param(JULY.toString()).update();
    july = new MonthOfWork(jdbc, JULY, "D18");
    july.seed();
  }

  @AfterEach
  void tearDown() {
    july.clear();
    jdbc.sql("DELETE FROM monthly_report WHERE report_month = ?").param(JULY.toString()).update();
  }

  @Test
  void theReportPdfHoldsTheRegistersFiguresAndOnlyTheHeadOfItAndQualityReadIt() throws Exception {
    GeneratedDocument pdf = transaction.execute(status -> {
      register.open(JULY, null, "doc.director", Instant.parse("2025-08-01T13:00:00Z"));
      register.recordFigures(JULY, monthlyReport.figures(JULY), Instant.parse("2025-08-01T13:00:01Z"));
      register.recordDelivery(JULY, "Se atendieron las solicitudes del mes y se entregó el informe a tiempo.",
          HEAD_OF_IT, Instant.parse("2025-08-05T17:30:00Z"));
      return document.produce(register.find(JULY).orElseThrow());
    });
    MonthlyReportEntry entry = register.find(JULY).orElseThrow();
    String text = PdfText.of(pdf.content());
    // the figures as the register keeps them (columns rounded to two decimals, shown with one)
    assertThat(text).contains("IM-2025-07", "julio de 2025", entry.requestsReceived() + " solicitudes recibidas",
        entry.requestsAttended() + " solicitudes atendidas",
        oneDecimal(entry.percentConforming()) + " servicio conforme",
        oneDecimal(entry.percentSatisfied()) + " satisfacción",
        oneDecimal(entry.percentFirstResponseOnTime()) + " primera respuesta",
        entry.averageResolutionDays().toPlainString().replace('.', ',') + " días hábiles",
        "Total " + entry.requestsReceived() + " " + entry.requestsAttended(), "entregado dentro del plazo",
        "5 de agosto de 2025, 11:30");
    PdfText.renderPages(pdf.content(), "monthly-report");

    assertThat(new TasklistBrowser(port, QUALITY, PASSWORD).get(pdf.downloadPath()).statusCode()).isEqualTo(200);
    assertThat(new TasklistBrowser(port, HEAD_OF_IT, PASSWORD).get(pdf.downloadPath()).statusCode()).isEqualTo(200);
    assertThat(new TasklistBrowser(port, TECHNICIAN, PASSWORD).get(pdf.downloadPath()).statusCode())
        .isEqualTo(403);
    assertThat(new TasklistBrowser(port, REQUESTER, PASSWORD).get(pdf.downloadPath()).statusCode()).isEqualTo(403);
  }

  @Test
  void theMonthsTicketsAsCsvAndXlsxAreTheRowsTheReportCounts() throws Exception {
    MonthlyFigures figures = monthlyReport.figures(JULY);
    TasklistBrowser quality = new TasklistBrowser(port, QUALITY, PASSWORD);

    HttpResponse<byte[]> csv = quality.get("/mesa/documentos/informe-mensual/2025-07/solicitudes.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    byte[] bytes = csv.body();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("Número;En el mes;Recibida;Canal;Tipo de solicitud;Prioridad");
    long received = lines.stream().filter(line -> line.contains(";recibida")).count();
    long attended = lines.stream().filter(line -> line.contains(";atendida") || line.contains(";recibida y atendida"))
        .count();
    assertThat(received).isEqualTo(figures.requests().received());
    assertThat(attended).isEqualTo(figures.requests().attended());
    assertThat(String.join("\n", lines)).contains("D18-1;recibida y atendida;04/07/2025 09:00;formulario web;"
        + "Soporte a equipos de cómputo;Media;Ana López;Operaciones", ";1,00;conforme;;conforme")
        .doesNotContain("D18-6");

    HttpResponse<byte[]> xlsx = quality.get("/mesa/documentos/informe-mensual/2025-07/solicitudes.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    String sheet = xlsxText(xlsx.body());
    // the workbook's XML writes accents as character references
    assertThat(sheet).contains("D18-1", "D18-2", "D18-5", "Soporte a equipos de c&#xf3;mputo",
        "Plazo de 3 d&#xed;as h&#xe1;biles", "recibida y atendida", "<v>1.00</v>").doesNotContain("D18-6");

    TasklistBrowser technician = new TasklistBrowser(port, TECHNICIAN, PASSWORD);
    assertThat(technician.get("/mesa/documentos/informe-mensual/2025-07/solicitudes.csv").statusCode())
        .isEqualTo(403);
    assertThat(technician.get("/mesa/documentos/informe-mensual/2025-07/solicitudes.xlsx").statusCode())
        .isEqualTo(403);
    HttpResponse<String> page = new TasklistBrowser(port, HEAD_OF_IT, PASSWORD)
        .page("/mesa/documentos/informe-mensual/2025-07");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("solicitudes.csv", "solicitudes.xlsx", "julio de 2025");
  }

  private static String oneDecimal(java.math.BigDecimal value) {
    return value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
  }

  /** The text of the workbook's sheet and shared strings (an XLSX is a zip of XML parts). */
  private static String xlsxText(byte[] workbook) throws Exception {
    StringBuilder text = new StringBuilder();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("solicitudes", ".xlsx");
    try {
      java.nio.file.Files.write(file, workbook);
      // read through the central directory, as spreadsheet programs do
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
          if (entry.getName().startsWith("xl/")) {
            text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
    return text.toString();
  }
}
