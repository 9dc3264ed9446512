package org.mesadeayuda.specialised;

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
 * The register of specialised requests (002 §4.2) for the Technology Directorate, Quality and the desk: kind,
 * decision, plan with its resource check, delivery.
 */
@RestController
@RequestMapping("/api/specialised-requests")
public class SpecialisedRequestController {

  private static final String READERS = "solo la Dirección de Tecnología, Gestión de Calidad y la mesa de ayuda "
      + "consultan el registro de solicitudes especializadas";

  private final SpecialisedRequestRepository requests;
  private final CurrentUser currentUser;
  private final ZoneId zone;

  public SpecialisedRequestController(SpecialisedRequestRepository requests, CurrentUser currentUser,
      BusinessCalendar calendar) {
    this.requests = requests;
    this.currentUser = currentUser;
    this.zone = calendar.zone();
  }

  public record Register(LocalDate from, LocalDate to, List<SpecialisedRequest> requests) {}

  /** The requests received between two dates (office time, both included); by default the last 90 days. */
  @GetMapping
  public Register register(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    currentUser.requireSupervisor(READERS);
    ReportPeriod period = ReportPeriod.parse(from, to, zone);
    return new Register(period.from(), period.to(),
        requests.findByRequestedAtGreaterThanEqualAndRequestedAtLessThanOrderByRequestedAtAsc(period.start(),
            period.end()));
  }
}
