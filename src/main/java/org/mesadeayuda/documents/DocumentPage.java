package org.mesadeayuda.documents;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.mesadeayuda.platform.CalendarProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The documents of a case for the people the procedure named (same login as Tasklist): a page listing those the
 * signed-in person may read, and the download of each. Anybody else gets 403, with the reason in Spanish.
 */
@Controller
public class DocumentPage {

  public static final String PATH = "/mesa/documentos";

  private final GeneratedDocuments documents;
  private final SignedInUser signedIn;
  private final CalendarProperties calendar;

  public DocumentPage(GeneratedDocuments documents, SignedInUser signedIn, CalendarProperties calendar) {
    this.documents = documents;
    this.signedIn = signedIn;
    this.calendar = calendar;
  }

  /** A row of the page's table. */
  record Row(long id, String title, String fileName, String size, String createdAt) {}

  @GetMapping(PATH + "/caso/{caseNumber}")
  String casePage(@PathVariable String caseNumber, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    SignedInUser.Reader reader = signedIn.of(request);
    List<GeneratedDocument> all = documents.ofCase(caseNumber);
    List<Row> readable = all.stream().filter(document -> mayRead(document, reader))
        .map(document -> new Row(document.id(), document.title(), document.fileName(), size(document.size()),
            SpanishText.dateTime(document.createdAt(), calendar.zone()))).toList();
    if (!all.isEmpty() && readable.isEmpty()) {
      throw new SignedInUser.NotAReaderException("los documentos del caso " + caseNumber
          + " son solo para las personas que el procedimiento nombra");
    }
    headers(response);
    model.addAttribute("caseNumber", caseNumber);
    model.addAttribute("documents", readable);
    model.addAttribute("user", reader.userId());
    return "documents/web/case";
  }

  @GetMapping(PATH + "/{id:\\d+}")
  ResponseEntity<byte[]> download(@PathVariable long id, HttpServletRequest request) {
    SignedInUser.Reader reader = signedIn.of(request);
    GeneratedDocument document = documents.find(id).orElseThrow(DocumentNotFoundException::new);
    if (!mayRead(document, reader)) {
      throw new SignedInUser.NotAReaderException("«" + document.title() + "» es solo para las personas que el "
          + "procedimiento nombra");
    }
    return file(document.fileName(), document.contentType(), document.content());
  }

  /** A file download: always "save as", never sniffed, never cached (shared computers). */
  public static ResponseEntity<byte[]> file(String fileName, String contentType, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(contentType));
    headers.setContentDisposition(ContentDisposition.attachment()
        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build());
    headers.setCacheControl("no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
    return new ResponseEntity<>(content, headers, HttpStatus.OK);
  }

  static boolean mayRead(GeneratedDocument document, SignedInUser.Reader reader) {
    return reader.isIn(SignedInUser.ADMIN_GROUP) || document.readers().includes(reader.userId(), reader.groups());
  }

  static class DocumentNotFoundException extends RuntimeException {}

  @ExceptionHandler(DocumentNotFoundException.class)
  ModelAndView notFound(HttpServletResponse response) {
    return message(HttpStatus.NOT_FOUND, "el documento no existe", response);
  }

  @ExceptionHandler(SignedInUser.NotAReaderException.class)
  ModelAndView notAReader(SignedInUser.NotAReaderException e, HttpServletResponse response) {
    return message(HttpStatus.FORBIDDEN, e.getMessage(), response);
  }

  @ExceptionHandler(SignedInUser.NotSignedInException.class)
  ModelAndView notSignedIn(HttpServletResponse response) {
    return message(HttpStatus.UNAUTHORIZED, "inicie sesión en Tasklist y vuelva a abrir el enlace", response);
  }

  static ModelAndView message(HttpStatus status, String reason, HttpServletResponse response) {
    headers(response);
    ModelAndView page = new ModelAndView("documents/web/refused", status);
    page.addObject("reason", reason);
    return page;
  }

  static void headers(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'");
    response.setHeader("Referrer-Policy", "same-origin");
  }

  private static String size(long bytes) {
    return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
        : SpanishText.number(bytes / (1024.0 * 1024.0), 1) + " MB";
  }
}
