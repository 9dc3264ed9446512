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
