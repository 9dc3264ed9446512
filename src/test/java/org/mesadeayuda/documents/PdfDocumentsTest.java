package org.mesadeayuda.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.OfficeTime;
import org.mesadeayuda.PdfText;
import org.mesadeayuda.platform.CalendarProperties;
import org.mesadeayuda.platform.InstitutionProperties;

/**
 * Issue 19: the documents are parsed once by our own XML parser and handed to openhtmltopdf as a document, instead of
 * as text it parses itself. The PDF a person reads must be the same either way.
 */
class PdfDocumentsTest {

  @Test
  void aDocumentParsedByTheApplicationReadsExactlyAsOneOpenhtmltopdfParsedItself() {
    PdfDocuments documents = new PdfDocuments(institution(), calendar());
    java.util.HashMap<String, Object> values = new java.util.HashMap<>();
    values.put("extension", false);
    values.put("ticketNumber", "SOP-2026-000042");
    values.put("requesterName", "Ana Pérez");
    values.put("department", "Dirección de Atención al Consumidor");
    values.put("technician", "Tomás Técnico");
    values.put("service", "Equipo de cómputo");
    values.put("priority", "Alta");
    values.put("assetTag", "INV-0042");
    // text Thymeleaf escapes, accents, quotes
    values.put("description", "Cañería & «pantalla» <azul> — ¿reinició? Sí, \"dos veces\".");
    values.put("openedAt", "lunes 30 de noviembre de 2026, 09:15");
    values.put("firstResponseAt", "");
    values.put("attentionMode", "En sitio");
    values.put("workDone", "Se reemplazó la fuente de poder (500 W) y se probó el equipo.");
    values.put("technicalReport", "Falla de hardware: fuente de poder dañada.");
    values.put("previousExtension", null);
    values.put("escalations", 0);
    values.put("resolvedAt", "martes 1 de diciembre de 2026, 11:40");
    values.put("resolutionDue", "jueves 3 de diciembre de 2026, 09:15");
    values.put("deadlineStatus", "Conforme");
    values.put("resolutionDays", "1 día hábil");
    String html = documents.html("technical-report", "Dictamen técnico SOP-2026-000042", values);

    String ours = PdfText.of(PdfDocuments.pdf(html, "Dictamen"));
    String theirs = PdfText.of(PdfDocuments.pdf(builder -> builder.withHtmlContent(html, null), "Dictamen"));

    assertThat(ours).isEqualTo(theirs).contains("Cañería & «pantalla» <azul> — ¿reinició? Sí, \"dos veces\".")
        .contains("Tomás Técnico").contains("SOP-2026-000042").contains("Instituto de Prueba");
  }

  @Test
  void externalEntitiesAreNeverRead() {
    String html = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>antes &x; después</p></body></html>";
    String text = PdfText.of(PdfDocuments.pdf(html, "Entidad externa"));
    assertThat(text).contains("antes").contains("después").doesNotContain("root");
  }

  private static InstitutionProperties institution() {
    return new InstitutionProperties("Instituto de Prueba", null, null, null, null, null, null, null);
  }

  private static CalendarProperties calendar() {
    return new CalendarProperties(OfficeTime.ZONE, java.time.LocalTime.of(8, 0),
        java.time.LocalTime.of(16, 0), null, null, null, null, List.of());
  }
}
