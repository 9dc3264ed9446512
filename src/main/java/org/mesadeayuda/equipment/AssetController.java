package org.mesadeayuda.equipment;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mesadeayuda.platform.Role;
import org.springframework.http.HttpStatus;
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

  static final List<String> EDITORS = List.of(Role.TECNICOS.groupId(), Role.DIRECTOR_TI.groupId(),
      Groups.CAMUNDA_ADMIN);

  private final AssetRegister register;
  private final AssetCsvImport csvImport;
  private final IdentityService identityService;

  public AssetController(AssetRegister register, AssetCsvImport csvImport, IdentityService identityService) {
    this.register = register;
    this.csvImport = csvImport;
    this.identityService = identityService;
  }

  static class NotAllowedException extends RuntimeException {}

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

  @ExceptionHandler(AssetRegister.InvalidAssetException.class)
  ResponseEntity<Map<String, List<AssetRegister.Problem>>> invalid(AssetRegister.InvalidAssetException e) {
    return ResponseEntity.badRequest().body(Map.of("errors", e.problems()));
  }

  @ExceptionHandler(AssetCsvImport.RejectedImportException.class)
  ResponseEntity<Map<String, Object>> rejected(AssetCsvImport.RejectedImportException e) {
    return ResponseEntity.badRequest().body(Map.of("imported", 0, "errors", e.problems()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, List<AssetRegister.Problem>>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("errors", List.of(new AssetRegister.Problem("body", "no es un JSON válido de equipo"))));
  }

  @ExceptionHandler(NotAllowedException.class)
  ResponseEntity<Map<String, String>> forbidden() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Map.of("error", "solo técnicos y la Dirección de Tecnología modifican el inventario"));
  }

  private void requireEditor() {
    Authentication current = identityService.getCurrentAuthentication();
    List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
    if (groups.stream().noneMatch(EDITORS::contains)) {
      throw new NotAllowedException();
    }
  }
}
