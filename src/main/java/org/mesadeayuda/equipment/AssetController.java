package org.mesadeayuda.equipment;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mesadeayuda.platform.CurrentUser;
import org.mesadeayuda.platform.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The asset register over HTTP (Basic, engine users). Everyone authenticated may read it; only technicians and the
 * Technology Director may change it or import an inventory.
 */
@RestController
@RequestMapping("/api/assets")
public class AssetController {

  private final AssetRegister register;
  private final AssetCsvImport csvImport;
  private final CurrentUser currentUser;
  private final AssetEventRepository history;

  public AssetController(AssetRegister register, AssetCsvImport csvImport, CurrentUser currentUser,
      AssetEventRepository history) {
    this.register = register;
    this.csvImport = csvImport;
    this.currentUser = currentUser;
    this.history = history;
  }

  @GetMapping
  public List<Asset> search(@RequestParam(name = "q", required = false) String text,
      @RequestParam(required = false) String department, @RequestParam(required = false) String equipmentType,
      @RequestParam(required = false) String status) {
    return register.search(text, department, equipmentType, status);
  }

  @GetMapping("/{assetTag}")
  public ResponseEntity<Asset> get(@PathVariable String assetTag) {
    return ResponseEntity.of(register.find(assetTag));
  }

  /**
   * What cases did with the unit, oldest first: held as a spare, lent and returned, replaced, the lessor's answer to
   * a refused claim and what the Technology Director did about it.
   */
  @GetMapping("/{assetTag}/history")
  public ResponseEntity<List<AssetEvent>> history(@PathVariable String assetTag) {
    return register.find(assetTag).map(asset -> ResponseEntity.ok(history.findByAssetTag(asset.assetTag())))
        .orElse(ResponseEntity.notFound().build());
  }

  /**
   * What a client may say about a unit. The register owns the rest: the id and version of the row, and the loan
   * (to whom and for which case a loaner is lent), which only a case's loan step sets. A body that carries them
   * anyway (e.g. the JSON of another unit, read and sent back) is not trusted with them: they are ignored.
   */
  public record AssetRequest(String assetTag, String equipmentType, String brand, String model, String serialNumber,
      String department, String location, String assignedUser, String ownership, String providerName,
      String providerEmail, String contractNumber, LocalDate warrantyEndDate, String status, boolean loaner) {

    Asset toAsset() {
      return new Asset(null, assetTag, equipmentType, brand, model, serialNumber, department, location, assignedUser,
          ownership, providerName, providerEmail, contractNumber, warrantyEndDate, status, loaner, null, null, null);
    }
  }

  @PostMapping(consumes = "application/json")
  public ResponseEntity<Asset> create(@RequestBody AssetRequest asset) {
    requireEditor();
    Asset created = register.create(asset.toAsset());
    return ResponseEntity.created(URI.create("/api/assets/" + created.assetTag())).body(created);
  }

  @PutMapping("/{assetTag}")
  public Asset update(@PathVariable String assetTag, @RequestBody AssetRequest asset) {
    requireEditor();
    return register.update(assetTag, asset.toAsset());
  }

  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  public Map<String, Integer> importCsv(@RequestBody byte[] csv) {
    requireEditor();
    // the bytes as uploaded: the import recognises the encoding Excel used, whatever Content-Type says
    return Map.of("imported", csvImport.importAll(csv));
  }


  @ExceptionHandler(AssetCsvImport.RejectedImportException.class)
  ResponseEntity<Map<String, Object>> rejected(AssetCsvImport.RejectedImportException e) {
    return ResponseEntity.badRequest().body(Map.of("imported", 0, "errors", e.problems()));
  }

  private void requireEditor() {
    currentUser.requireOneOf("solo técnicos y la Dirección de Tecnología modifican el inventario", Role.TECNICOS,
        Role.DIRECTOR_TI);
  }
}
