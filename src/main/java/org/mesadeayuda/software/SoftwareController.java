package org.mesadeayuda.software;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.mesadeayuda.platform.CurrentUser;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The licence register over HTTP: everyone authenticated may read the catalogue (what may be installed and how many
 * seats are free); only the Technology Director maintains the catalogue and licences (SW-2); technicians and the
 * Director record removals, which free the seat.
 */
@RestController
@RequestMapping("/api/software")
public class SoftwareController {

  private final LicenceRegister register;
  private final SoftwareRepository catalogue;
  private final LicenceRepository licences;
  private final InstallationRepository installations;
  private final CurrentUser currentUser;

  public SoftwareController(LicenceRegister register, SoftwareRepository catalogue, LicenceRepository licences,
      InstallationRepository installations, CurrentUser currentUser) {
    this.register = register;
    this.catalogue = catalogue;
    this.licences = licences;
    this.installations = installations;
    this.currentUser = currentUser;
  }

  public record CatalogueEntry(Software software, int freeSeats, List<Licence> licences) {}

  public record NewLicences(int seats, LocalDate expiresOn, String proofReference) {}

  @GetMapping
  public List<CatalogueEntry> catalogue() {
    return catalogue.findAll().stream()
        .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
        .map(software -> new CatalogueEntry(software, register.freeSeats(software.id()),
            licences.findBySoftwareId(software.id())))
        .toList();
  }

  @PostMapping
  public ResponseEntity<Software> create(@RequestBody Software software) {
    requireDirector();
    Software saved = register.save(new Software(null, software.name(), software.publisher(),
        software.licenceType(), software.preApproved(), software.prohibitedReason(), null));
    return ResponseEntity.created(URI.create("/api/software/" + saved.id())).body(saved);
  }

  @PutMapping("/{id}")
  public Software update(@PathVariable Long id, @RequestBody Software software) {
    requireDirector();
    Software existing = catalogue.findById(id).orElseThrow(() -> new LicenceRegister.InvalidSoftwareException(
        List.of(new FieldProblem("id", "no está en el catálogo"))));
    return register.save(new Software(id, software.name(), software.publisher(), software.licenceType(),
        software.preApproved(), software.prohibitedReason(), existing.version()));
  }

  @PostMapping("/{id}/licences")
  public ResponseEntity<Licence> addLicences(@PathVariable Long id, @RequestBody NewLicences purchase) {
    requireDirector();
    Licence licence = register.addLicences(id, purchase.seats(), purchase.expiresOn(), purchase.proofReference());
    return ResponseEntity.status(HttpStatus.CREATED).body(licence);
  }

  @GetMapping("/installations")
  public List<Installation> installedOn(@RequestParam String assetTag) {
    return installations.findInstalledOn(assetTag);
  }

  @DeleteMapping("/installations/{id}")
  public Installation uninstall(@PathVariable Long id, @RequestParam(defaultValue = "Desinstalado") String reason) {
    currentUser.requireOneOf("solo técnicos y la Dirección de Tecnología registran desinstalaciones",
        Role.TECNICOS, Role.DIRECTOR_TI);
    return register.uninstall(id, reason);
  }


  private void requireDirector() {
    currentUser.requireOneOf("solo la Dirección de Tecnología administra el catálogo y las licencias",
        Role.DIRECTOR_TI);
  }
}
