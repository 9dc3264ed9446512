package org.mesadeayuda.maintenance;

import java.util.List;
import org.mesadeayuda.platform.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The maintenance register for the head of IT, Quality and the support desk: the indicator of every semester, and
 * a semester's programme with its reprogramming register (DIACO-IN-FO-03) and execution records.
 */
@RestController
@RequestMapping("/api/maintenance")
public class MaintenanceController {

  private static final String READERS = "solo la Dirección de Tecnología, Gestión de Calidad y la mesa de ayuda "
      + "consultan el mantenimiento preventivo";

  private final MaintenanceProgrammes programmes;
  private final CurrentUser currentUser;

  public MaintenanceController(MaintenanceProgrammes programmes, CurrentUser currentUser) {
    this.programmes = programmes;
    this.currentUser = currentUser;
  }

  /** A programme as the register shows it: the indicator so far (final once closed) and when it is due. */
  public record ProgrammeView(MaintenanceProgramme programme, ComplianceIndicator indicator) {}

  public record ProgrammeDetail(MaintenanceProgramme programme, ComplianceIndicator indicator,
      List<MaintenanceItem> items, List<MaintenanceReprogramming> reprogrammings) {}

  @GetMapping("/programmes")
  public List<ProgrammeView> programmes() {
    requireReader();
    return programmes.all().stream()
        .map(programme -> new ProgrammeView(programme, programmes.indicator(programme.id()))).toList();
  }

  @GetMapping("/programmes/{semester}")
  public ResponseEntity<ProgrammeDetail> programme(@PathVariable String semester) {
    requireReader();
    return Semester.parse(semester).flatMap(programmes::programme)
        .map(programme -> new ProgrammeDetail(programme, programmes.indicator(programme.id()),
            programmes.allItems(programme.id()), programmes.reprogrammings(programme.id())))
        .map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
  }

  /** The compliance indicator of a semester (PM-4). */
  @GetMapping("/indicator/{semester}")
  public ResponseEntity<ComplianceIndicator> indicator(@PathVariable String semester) {
    requireReader();
    return Semester.parse(semester).flatMap(programmes::programme)
        .map(programme -> programmes.indicator(programme.id()))
        .map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
  }

  private void requireReader() {
    currentUser.requireSupervisor(READERS);
  }
}
