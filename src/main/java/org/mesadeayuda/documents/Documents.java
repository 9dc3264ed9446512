package org.mesadeayuda.documents;

import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * What a procedure calls to produce a document: renders the template to PDF and keeps it with the case and its
 * readers, in the caller's transaction. The procedure then attaches it to its e-mail
 * ({@link GeneratedDocument#asAttachment()}) and links it ({@link GeneratedDocument#downloadPath()}).
 */
@Component
public class Documents {

  private final PdfDocuments pdf;
  private final GeneratedDocuments store;

  public Documents(PdfDocuments pdf, GeneratedDocuments store) {
    this.pdf = pdf;
    this.store = store;
  }

  public GeneratedDocument producePdf(String caseNumber, String kind, String title, String fileName, String template,
      Map<String, ?> values, DocumentReaders readers) {
    byte[] content = pdf.render(template, title, values);
    return store.store(caseNumber, kind, title, fileName.endsWith(".pdf") ? fileName : fileName + ".pdf",
        GeneratedDocument.PDF, content, readers, ClockUtil.getCurrentTime().toInstant());
  }
}
