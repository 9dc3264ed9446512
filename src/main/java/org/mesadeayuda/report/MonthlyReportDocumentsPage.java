package org.mesadeayuda.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mesadeayuda.documents.DocumentPage;
import org.mesadeayuda.documents.GeneratedDocuments;
import org.mesadeayuda.documents.SignedInUser;
import org.mesadeayuda.documents.SpanishText;
import org.mesadeayuda.documents.Spreadsheets;
import org.mesadeayuda.platform.CalendarProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The monthly report's documents for the head of IT and Quality Management (same login as Tasklist; linked from the
 * task "Presentar informe mensual"): the report's PDF once delivered, and the month's tickets as CSV and XLSX.
 * Anybody else gets 403.
 */
@Controller
class MonthlyReportDocumentsPage {

  static final String PATH = DocumentPage.PATH + "/informe-mensual";

  private final GeneratedDocuments documents;
  private final MonthTickets tickets;
  private final SignedInUser signedIn;
  private final CalendarProperties calendar;

  MonthlyReportDocumentsPage(GeneratedDocuments documents, MonthTickets tickets, SignedInUser signedIn,
      CalendarProperties calendar) {
    this.documents = documents;
    this.tickets = tickets;
    this.signedIn = signedIn;
    this.calendar = calendar;
  }

  /** A link of the page. */
  record Link(String href, String label) {}

  /** A row of the page's documents table (as the generic documents page shows them). */
  record Row(long id, String title, String fileName, String size, String createdAt) {}

  @GetMapping(PATH + "/{month}")
  String page(@PathVariable String month, HttpServletRequest request, HttpServletResponse response, Model model) {
    YearMonth reported = readableMonth(month, request);
    String code = MonthlyReportRegister.code(reported);
    List<Row> rows = documents.ofCase(code).stream().map(document -> new Row(document.id(), document.title(),
        document.fileName(), Math.max(1, Math.round(document.size() / 1024.0)) + " KB",
        SpanishText.dateTime(document.createdAt(), calendar.zone()))).toList();
    List<Link> links = new ArrayList<>();
    links.add(new Link(PATH + "/" + reported + "/solicitudes.csv",
        "Solicitudes del mes en CSV (UTF-8, separado por punto y coma)"));
    links.add(new Link(PATH + "/" + reported + "/solicitudes.xlsx", "Solicitudes del mes en Excel (XLSX)"));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    model.addAttribute("caseNumber", code + " (" + SpanishText.month(reported) + ")");
    model.addAttribute("documents", rows);
    model.addAttribute("user", signedIn.of(request).userId());
    model.addAttribute("extraLinks", links);
    return "documents/web/case";
  }

  @GetMapping(PATH + "/{month}/solicitudes.csv")
  ResponseEntity<byte[]> csv(@PathVariable String month, HttpServletRequest request) {
    YearMonth reported = readableMonth(month, request);
    return DocumentPage.file("Solicitudes " + reported + ".csv", Spreadsheets.CSV_TYPE,
        Spreadsheets.csv(tickets.table(reported)));
  }

  @GetMapping(PATH + "/{month}/solicitudes.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String month, HttpServletRequest request) {
    YearMonth reported = readableMonth(month, request);
    return DocumentPage.file("Solicitudes " + reported + ".xlsx", Spreadsheets.XLSX_TYPE,
        Spreadsheets.xlsx(tickets.table(reported)));
  }

  private YearMonth readableMonth(String month, HttpServletRequest request) {
    SignedInUser.Reader reader = signedIn.of(request);
    if (!reader.isIn("camunda-admin")
        && MonthlyReportDocument.READERS.groups().stream().noneMatch(reader::isIn)) {
      throw new SignedInUser.NotAReaderException("los informes mensuales y sus datos son para la Dirección de "
          + "Tecnología y Gestión de Calidad");
    }
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new SignedInUser.NotAReaderException("«" + month + "» no es un mes (use AAAA-MM)");
    }
  }

  @ExceptionHandler(SignedInUser.NotAReaderException.class)
  ModelAndView notAReader(SignedInUser.NotAReaderException e, HttpServletResponse response) {
    return refused(HttpStatus.FORBIDDEN, e.getMessage(), response);
  }

  @ExceptionHandler(SignedInUser.NotSignedInException.class)
  ModelAndView notSignedIn(HttpServletResponse response) {
    return refused(HttpStatus.UNAUTHORIZED, "inicie sesión en Tasklist y vuelva a abrir el enlace", response);
  }

  private static ModelAndView refused(HttpStatus status, String reason, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    ModelAndView page = new ModelAndView("documents/web/refused", status);
    page.addAllObjects(Map.of("reason", reason));
    return page;
  }
}
