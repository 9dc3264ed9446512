package org.mesadeayuda.backup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.CurrentUser;
import org.mesadeayuda.platform.ReportPeriod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The backup register for the Technology Directorate, Quality and the support desk: the backup requests with the
 * copies made (BK-1..BK-4) and the security register of the weekly data-centre runs (DIACO-IN-FO-06, BK-5).
 */
@RestController
@RequestMapping("/api/backups")
public class BackupController {

  private static final String READERS = "solo la Dirección de Tecnología, Gestión de Calidad y la mesa de ayuda "
      + "consultan el registro de respaldos";

  private final BackupRequestRepository requests;
  private final SecurityRegisterRepository securityRegister;
  private final CurrentUser currentUser;
  private final ZoneId zone;

  public BackupController(BackupRequestRepository requests, SecurityRegisterRepository securityRegister,
      CurrentUser currentUser, BusinessCalendar calendar) {
    this.requests = requests;
    this.securityRegister = securityRegister;
    this.currentUser = currentUser;
    this.zone = calendar.zone();
  }

  public record Register(LocalDate from, LocalDate to, List<BackupRequest> requests,
      List<SecurityRegisterEntry> securityRegister) {}

  /** Both registers between two dates (office time, both included); by default the last 90 days. */
  @GetMapping("/register")
  public Register register(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    currentUser.requireSupervisor(READERS);
    ReportPeriod period = ReportPeriod.parse(from, to, zone);
    return new Register(period.from(), period.to(),
        requests.findByRequestedAtGreaterThanEqualAndRequestedAtLessThanOrderByRequestedAtAsc(period.start(),
            period.end()),
        securityRegister.findByScheduledAtGreaterThanEqualAndScheduledAtLessThanOrderByScheduledAtAsc(period.start(),
            period.end()));
  }
}
