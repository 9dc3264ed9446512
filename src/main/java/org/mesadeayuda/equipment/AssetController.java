package org.mesadeayuda.equipment;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.mesadeayuda.platform.CurrentUser;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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

  public AssetController(AssetRegister register, AssetCsvImport csvImport, CurrentUser currentUser) {
    this.register = register;
    this.csvImport = csvImport;
    this.currentUser = currentUser;
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

  @PostMapping(consumes = "application/json")
  public ResponseEntity<Asset> create(@RequestBody Asset asset) {
    requireEditor();
    Asset created = register.create(asset);
    return ResponseEntity.created(URI.create("/api/assets/" + created.assetTag())).body(created);
  }

  @PutMapping("/{assetTag}")
  public Asset update(@PathVariable String assetTag, @RequestBody Asset asset) {
    requireEditor();
    return register.update(assetTag, asset);
  }

  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  public Map<String, Integer> importCsv(@RequestBody String csv) {
    requireEditor();
    return Map.of("imported", csvImport.importAll(new StringReader(csv)));
  }


  @ExceptionHandler(AssetCsvImport.RejectedImportException.class)
  ResponseEntity<Map<String, Object>> rejected(AssetCsvImport.RejectedImportException e) {
    return ResponseEntity.badRequest().body(Map.of("imported", 0, "errors", e.problems()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("errors", List.of(new FieldProblem("body", "no es un JSON válido de equipo"))));
  }


  private void requireEditor() {
    currentUser.requireOneOf("solo técnicos y la Dirección de Tecnología modifican el inventario", Role.TECNICOS,
        Role.DIRECTOR_TI);
  }
}
