package org.mesadeayuda.logbook;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.CurrentUser;
import org.mesadeayuda.platform.ReportPeriod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The infrastructure logbooks (bitácoras, 004 actividad 9, PM-5) for the Technology Directorate, Quality and the desk:
 * every area's line of every round in a period, and how many were ok, incidents, missed or still pending.
 */
@RestController
@RequestMapping("/api/logbooks")
public class LogbookController {

  private static final String READERS = "solo la Dirección de Tecnología, Gestión de Calidad y la mesa de ayuda "
      + "consultan las bitácoras";

  private final LogbookEntryRepository entries;
  private final CurrentUser currentUser;
  private final ZoneId zone;

  public LogbookController(LogbookEntryRepository entries, CurrentUser currentUser, BusinessCalendar calendar) {
    this.entries = entries;
    this.currentUser = currentUser;
    this.zone = calendar.zone();
  }

  public record Logbooks(LocalDate from, LocalDate to, Map<String, Long> countByStatus, List<LogbookEntry> entries) {}

  /** The lines of the rounds opened between two dates (office time, both included); by default the last 90 days. */
  @GetMapping
  public Logbooks logbooks(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    currentUser.requireSupervisor(READERS);
    ReportPeriod period = ReportPeriod.parse(from, to, zone);
    List<LogbookEntry> found = entries.findByScheduledAtGreaterThanEqualAndScheduledAtLessThanOrderByScheduledAtAscIdAsc(
        period.start(), period.end());
    Map<String, Long> counts = found.stream()
        .collect(Collectors.groupingBy(LogbookEntry::status, TreeMap::new, Collectors.counting()));
    return new Logbooks(period.from(), period.to(), counts, found);
  }
}
