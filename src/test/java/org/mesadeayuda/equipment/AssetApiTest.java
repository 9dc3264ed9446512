package org.mesadeayuda.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** /api/assets: read by everyone authenticated, changed only by technicians and the Technology Director. */
@MesaSpringTest
class AssetApiTest {

  static final String TECHNICIAN = "api.tecnico";
  static final String STAFF = "api.personal";
  static final String PASSWORD = "Clave-de-prueba-2";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired AssetRepository assets;
  @Autowired AssetEventRepository history;

  @BeforeEach
  void setUp() {
    assets.deleteAll();
    TestUsers.create(identityService, TECHNICIAN, "tecnicos", PASSWORD);
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
  }

  @Test
  void aTechnicianRegistersAUnitAndEveryoneCanReadIt() {
    ResponseEntity<JsonNode> created = http.withBasicAuth(TECHNICIAN, PASSWORD)
        .postForEntity("/api/assets", laptop("INV-500"), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/assets/INV-500");

    ResponseEntity<JsonNode> read = http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/assets/INV-500",
        JsonNode.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody().path("warrantyEndDate").asText()).isEqualTo("2027-05-31");
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/assets?q=lenovo", JsonNode.class).getBody())
        .hasSize(1);
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/assets/NO-EXISTE", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void everyoneCanReadWhatCasesDidWithAUnit() {
    http.withBasicAuth(TECHNICIAN, PASSWORD).postForEntity("/api/assets", laptop("INV-501"), JsonNode.class);
    history.save(new AssetEvent(null, "INV-501", "EQP-2026-000501", AssetEvent.LESSOR_PURSUED,
        "Resultado: el arrendador reparó el equipo.", "dir.tecnologia", java.time.Instant.now()));
    JsonNode events = http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/assets/inv-501/history",
        JsonNode.class).getBody();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).path("event").asText()).isEqualTo("lessor_pursued");
    assertThat(events.get(0).path("caseNumber").asText()).isEqualTo("EQP-2026-000501");
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/assets/NO-EXISTE/history", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void staffOutsideTechnologyMayNotChangeTheRegister() {
    ResponseEntity<String> response = http.withBasicAuth(STAFF, PASSWORD)
        .postForEntity("/api/assets", laptop("INV-501"), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(assets.count()).isZero();
  }

  @Test
  void withoutCredentialsNothingIsShown() {
    assertThat(http.getForEntity("/api/assets", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void invalidValuesGet400WithTheFieldAndReason() {
    Map<String, Object> bad = laptop("INV-502");
    bad.put("ownership", "prestado");
    bad.put("providerEmail", "sin-arroba");
    ResponseEntity<JsonNode> response = http.withBasicAuth(TECHNICIAN, PASSWORD)
        .postForEntity("/api/assets", bad, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("ownership", "providerEmail");
  }

  @Test
  void csvImportReportsBadRowsByLineAndStoresNothing() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    String csv = AssetRegisterContract.HEADER
        + "INV-1;escritorio;Dell;7010;S1;operaciones;;;propio;;;;;;no\n"
        + "INV-2;escritorio;Dell;7010;S2;operaciones;;;alquilado;;;;;;no\n";
    ResponseEntity<JsonNode> rejected = http.withBasicAuth(TECHNICIAN, PASSWORD)
        .exchange("/api/assets/import", HttpMethod.POST, new HttpEntity<>(csv, headers), JsonNode.class);
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rejected.getBody().path("errors").get(0).path("line").asInt()).isEqualTo(3);
    assertThat(rejected.getBody().path("errors").get(0).path("field").asText()).isEqualTo("propiedad");
    assertThat(assets.count()).isZero();

    ResponseEntity<JsonNode> imported = http.withBasicAuth(TECHNICIAN, PASSWORD).exchange("/api/assets/import",
        HttpMethod.POST, new HttpEntity<>(csv.replace("alquilado", "arrendado;Arrendadora S.A.").replace(
            "operaciones;;;arrendado;Arrendadora S.A.;;", "operaciones;;;arrendado;Arrendadora S.A.;"), headers),
        JsonNode.class);
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody().path("imported").asInt()).isEqualTo(2);
  }

  @Test
  void everyTextLongerThanItsColumnGets400NamingEachFieldAndStoresNothing() {
    Map<String, Object> tooLong = laptop("INV-503");
    Map<String, Integer> columns = Map.of("brand", 100, "model", 100, "serialNumber", 100, "location", 200,
        "assignedUser", 200, "providerName", 200, "contractNumber", 100);
    columns.forEach((field, length) -> tooLong.put(field, "x".repeat(length + 1)));
    tooLong.put("providerEmail", "a".repeat(200) + "@x.example");
    tooLong.put("equipmentType", "t".repeat(5000));
    tooLong.put("department", "d".repeat(5000));
    tooLong.put("ownership", "o".repeat(5000));
    tooLong.put("status", "s".repeat(5000));

    ResponseEntity<JsonNode> response = editor().postForEntity("/api/assets", tooLong, JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("brand",
        "model", "serialNumber", "location", "assignedUser", "providerName", "providerEmail", "contractNumber",
        "equipmentType", "department", "ownership", "status");
    tooLong.put("assetTag", "T".repeat(5000));
    assertThat(editor().postForEntity("/api/assets", tooLong, JsonNode.class).getBody().path("errors")
        .findValuesAsText("field")).contains("assetTag");
    assertThat(assets.count()).isZero();
  }

  @Test
  void aValueOfTheWrongTypeGets400NamingTheField() {
    Map<String, Object> numberAsName = laptop("INV-504");
    numberAsName.put("brand", 42);
    Map<String, Object> objectAsText = laptop("INV-504");
    objectAsText.put("model", Map.of("nombre", "E14"));
    Map<String, Object> textAsDate = laptop("INV-504");
    textAsDate.put("warrantyEndDate", "mañana");

    for (Map.Entry<String, Map<String, Object>> wrong : Map.of("brand", numberAsName, "model", objectAsText,
        "warrantyEndDate", textAsDate).entrySet()) {
      ResponseEntity<JsonNode> response = editor().postForEntity("/api/assets", wrong.getValue(), JsonNode.class);
      assertThat(response.getStatusCode()).as(wrong.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode problem = response.getBody().path("errors").get(0);
      assertThat(problem.path("field").asText()).isEqualTo(wrong.getKey());
      assertThat(problem.path("reason").asText()).startsWith("debe ser");
    }
    assertThat(assets.count()).isZero();
  }

  @Test
  void theIdAndVersionOfAnotherUnitInTheBodyDoNotOverwriteIt() {
    JsonNode first = editor().postForEntity("/api/assets", laptop("INV-505"), JsonNode.class).getBody();
    Map<String, Object> intruder = laptop("INV-506");
    intruder.put("id", first.path("id").asLong());
    intruder.put("version", first.path("version").asInt());
    intruder.put("brand", "Otra marca");
    intruder.put("loanedTo", "alguien");
    intruder.put("loanCase", "EQP-2026-000001");

    ResponseEntity<JsonNode> created = editor().postForEntity("/api/assets", intruder, JsonNode.class);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().path("id").asLong()).isNotEqualTo(first.path("id").asLong());
    assertThat(created.getBody().path("loanedTo").isNull()).isTrue();
    assertThat(created.getBody().path("loanCase").isNull()).isTrue();
    Asset untouched = assets.findByAssetTag("INV-505").orElseThrow();
    assertThat(untouched.brand()).isEqualTo("Lenovo");
    assertThat(untouched.id()).isEqualTo(first.path("id").asLong());
    assertThat(assets.count()).isEqualTo(2);

    // an update takes neither: the row stays the one named in the path, and its loan stays the case's
    Map<String, Object> update = laptop("INV-505");
    update.put("id", created.getBody().path("id").asLong());
    update.put("loanedTo", "alguien");
    update.put("location", "Piso 3");
    assertThat(editor().exchange("/api/assets/INV-505", HttpMethod.PUT, new HttpEntity<>(update), JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(assets.findByAssetTag("INV-505").orElseThrow().location()).isEqualTo("Piso 3");
    assertThat(assets.findByAssetTag("INV-505").orElseThrow().loanedTo()).isNull();
    assertThat(assets.findByAssetTag("INV-506").orElseThrow().location()).isNull();
  }

  @Test
  void onlyACaseLendsAUnit() {
    Map<String, Object> lent = laptop("INV-507");
    lent.put("status", "on_loan");
    ResponseEntity<JsonNode> response = editor().postForEntity("/api/assets", lent, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("status");
    assertThat(assets.count()).isZero();
  }

  @Test
  void aTagDifferingOnlyInCaseIsTheSameUnit() {
    assertThat(editor().postForEntity("/api/assets", laptop("CSV-E3"), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> again = editor().postForEntity("/api/assets", laptop("csv-e3"), JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().path("errors").findValuesAsText("field")).containsExactly("assetTag");
    assertThat(assets.count()).isEqualTo(1);
    // and it is found however its tag is typed
    assertThat(http.withBasicAuth(STAFF, PASSWORD).getForEntity("/api/assets/csv-e3", JsonNode.class).getBody()
        .path("assetTag").asText()).isEqualTo("CSV-E3");
  }

  @Test
  void aWindows1252UploadIsStoredWithItsAccents() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    byte[] excel = (AssetRegisterContract.HEADER + "INV-508;escritorio;Dell;7010;S1;tecnologia;Informática;;propio;;;"
        + "Guía 7;;;no\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));

    ResponseEntity<JsonNode> imported = editor().exchange("/api/assets/import", HttpMethod.POST,
        new HttpEntity<>(excel, headers), JsonNode.class);

    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    Asset unit = assets.findByAssetTag("INV-508").orElseThrow();
    assertThat(unit.location()).isEqualTo("Informática");
    assertThat(unit.contractNumber()).isEqualTo("Guía 7");
  }

  @Test
  void aSearchTextTooLongGets400() {
    ResponseEntity<JsonNode> response = http.withBasicAuth(STAFF, PASSWORD)
        .getForEntity("/api/assets?q=" + "x".repeat(300), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("q");
  }

  private TestRestTemplate editor() {
    return http.withBasicAuth(TECHNICIAN, PASSWORD);
  }

  static Map<String, Object> laptop(String tag) {
    Map<String, Object> asset = new HashMap<>();
    asset.put("assetTag", tag);
    asset.put("equipmentType", "laptop");
    asset.put("brand", "Lenovo");
    asset.put("model", "ThinkPad E14");
    asset.put("serialNumber", "LN-" + tag);
    asset.put("department", "operaciones");
    asset.put("ownership", "owned");
    asset.put("providerName", "Compumundo S.A.");
    asset.put("providerEmail", "garantias@compumundo.example");
    asset.put("warrantyEndDate", "2027-05-31");
    asset.put("status", "in_service");
    return asset;
  }

}
