package org.mesadeayuda.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.PdfText;
import org.mesadeayuda.TasklistBrowser;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A document is downloaded by the people its procedure named (a user, or a role) and by nobody else: another user
 * gets 403 with the reason in Spanish, nobody signed in 401; the PDF holds what the template was given.
 */
@MesaSpringTest
class DocumentPageTest {

  static final String PASSWORD = "Clave-de-prueba-1";
  static final String REQUESTER = "doc.solicitante";
  static final String OTHER_REQUESTER = "doc.otra";
  static final String FINANCE = "doc.finanzas";
  static final String TECHNICIAN = "doc.tecnico";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired Documents documents;
  @Autowired TransactionTemplate transaction;

  @BeforeEach
  void users() {
    TestUsers.create(identityService, REQUESTER, "solicitantes", PASSWORD);
    TestUsers.create(identityService, OTHER_REQUESTER, "solicitantes", PASSWORD);
    TestUsers.create(identityService, FINANCE, "daf", PASSWORD);
    TestUsers.create(identityService, TECHNICIAN, "tecnicos", PASSWORD);
  }

  @Test
  void theRequesterNamedByTheProcedureDownloadsHerReportAndAnotherRequesterGets403() throws Exception {
    GeneratedDocument report = produce("SOP-2026-990101", DocumentReaders.groups("mesa-ayuda").andUsers(REQUESTER));

    HttpResponse<byte[]> download = new TasklistBrowser(port, REQUESTER, PASSWORD).get(report.downloadPath());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(PdfText.of(download.body())).contains("DICTAMEN TÉCNICO", "SOP-2026-990101", "Ana Prueba",
        "Institución pública");

    HttpResponse<String> refused = new TasklistBrowser(port, OTHER_REQUESTER, PASSWORD).page(report.downloadPath());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("es solo para las personas que el procedimiento nombra");
    assertThat(new TasklistBrowser(port).page(report.downloadPath()).statusCode()).isEqualTo(401);

    HttpResponse<String> casePage = new TasklistBrowser(port, REQUESTER, PASSWORD).page("/mesa/documentos/caso/"
        + "SOP-2026-990101");
    assertThat(casePage.statusCode()).isEqualTo(200);
    assertThat(casePage.body()).contains("Dictamen técnico SOP-2026-990101", report.downloadPath());
    assertThat(new TasklistBrowser(port, OTHER_REQUESTER, PASSWORD).page("/mesa/documentos/caso/SOP-2026-990101")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void financeDownloadsAMemoForItsRoleAndATechnicianGets403() throws Exception {
    GeneratedDocument memo = produce("FE-2026-990102", DocumentReaders.groups("daf", "director-ti"));

    assertThat(new TasklistBrowser(port, FINANCE, PASSWORD).get(memo.downloadPath()).statusCode()).isEqualTo(200);
    assertThat(new TasklistBrowser(port, TECHNICIAN, PASSWORD).get(memo.downloadPath()).statusCode())
        .isEqualTo(403);
    assertThat(new TasklistBrowser(port, FINANCE, PASSWORD).get("/mesa/documentos/999999999").statusCode())
        .isEqualTo(404);
  }

  private GeneratedDocument produce(String caseNumber, DocumentReaders readers) {
    return transaction.execute(status -> documents.producePdf(caseNumber, "technical_report",
        "Dictamen técnico " + caseNumber, "Dictamen técnico " + caseNumber, "technical-report",
        Map.of("extension", false, "ticketNumber", caseNumber, "requesterName", "Ana Prueba", "department",
            "Operaciones", "technician", "doc.tecnico", "description", "No enciende", "workDone",
            "Se cambió la fuente", "openedAt", "1 de marzo de 2026, 09:00", "escalations", 0),
        readers));
  }
}
