package org.mesadeayuda.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.dashboard.DashboardFigures.Conformity;
import org.mesadeayuda.dashboard.DashboardFigures.FirstResponse;
import org.mesadeayuda.dashboard.DashboardFigures.Maintenance;
import org.mesadeayuda.dashboard.DashboardFigures.Month;
import org.mesadeayuda.dashboard.DashboardFigures.Satisfaction;
import org.mesadeayuda.dashboard.DashboardFigures.TechnicianLoad;
import org.mesadeayuda.dashboard.DashboardFigures.TrafficLight;
import org.mesadeayuda.platform.BusinessCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures equal the register's rows: one department of made-up tickets, each in a known state, read
 * at a fixed moment (Wednesday 11 March 2026, 10:00 at the office). Every test runs in a transaction that is rolled
 * back, so the shared database keeps nothing of it; the department is the test's own, so other tests' tickets do not
 * count.
 */
@MesaSpringTest
@Transactional
class DashboardFiguresTest {

  static final String DEPARTMENT = "tablero-a";
  static final String OTHER_DEPARTMENT = "tablero-b";
  static final Viewer HEAD = new Viewer("tablero.jefa", "Jefatura de departamento", Set.of(DEPARTMENT));

  @Autowired DashboardFigures figures;
  @Autowired BusinessCalendar calendar;
  @Autowired JdbcClient jdbc;

  Instant now;
  DashboardTickets tickets;

  @BeforeEach
  void register() {
    now = ZonedDateTime.of(2026, 3, 11, 10, 0, 0, 0, calendar.zone()).toInstant();
    tickets = new DashboardTickets(jdbc);
    // open: one in each state, each in its own age bucket
    tickets.ticket("TAB-F-01", DEPARTMENT, ago(Duration.ofHours(2))).priority("low").due(days(5)).save();
    tickets.ticket("TAB-F-02", DEPARTMENT, ago(Duration.ofDays(2))).priority("high")
        .assigned("tab.tec2", ago(Duration.ofDays(2))).due(now.plus(Duration.ofHours(26))).save();
    tickets.ticket("TAB-F-03", DEPARTMENT, ago(Duration.ofDays(5))).priority("critical")
        .assigned("tab.tec1", ago(Duration.ofDays(5))).firstResponse(ago(Duration.ofDays(5)).plusSeconds(3600))
        .due(ago(Duration.ofHours(1))).save();
    tickets.ticket("TAB-F-04", DEPARTMENT, ago(Duration.ofDays(10))).assigned("tab.tec1", ago(Duration.ofDays(10)))
        .firstResponseBreached().firstResponse(ago(Duration.ofDays(9))).temporary(ago(Duration.ofDays(8)))
        .due(days(2)).sla("non_conforming").save();
    tickets.ticket("TAB-F-05", DEPARTMENT, ago(Duration.ofDays(20))).assigned("tab.tec2", ago(Duration.ofDays(20)))
        .firstResponse(ago(Duration.ofDays(20)).plusSeconds(600)).due(ago(Duration.ofDays(10))).sla("exempt").save();
    tickets.ticket("TAB-F-06", DEPARTMENT, ago(Duration.ofDays(40))).assigned("tab.tec1", ago(Duration.ofDays(40)))
        .firstResponse(ago(Duration.ofDays(40)).plusSeconds(600)).resolved(ago(Duration.ofDays(1)), "conforming")
        .save();
    // closed this month (opened on the 2nd of March)
    Instant second = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, calendar.zone()).toInstant();
    tickets.ticket("TAB-F-07", DEPARTMENT, second).firstResponse(second.plusSeconds(600))
        .closed(ago(Duration.ofDays(3)), "conforming", "conforme").save();
    tickets.ticket("TAB-F-08", DEPARTMENT, second).firstResponse(second.plusSeconds(13 * 3600))
        .closed(ago(Duration.ofDays(3)), "non_conforming", "no_conforme").save();
    tickets.ticket("TAB-F-09", DEPARTMENT, second).firstResponse(second.plusSeconds(600))
        .closed(ago(Duration.ofDays(2)), "exempt", "sin_respuesta").save();
    tickets.ticket("TAB-F-10", DEPARTMENT, second).firstResponse(second.plusSeconds(600))
        .closed(ago(Duration.ofDays(1)), "conforming", null).save();
    // closed in December 2025
    Instant december = ZonedDateTime.of(2025, 12, 1, 9, 0, 0, 0, calendar.zone()).toInstant();
    tickets.ticket("TAB-F-11", DEPARTMENT, december).firstResponse(december.plusSeconds(600))
        .closed(december.plus(Duration.ofDays(9)), "conforming", "conforme").save();
    // another department: breached, closed this month; a head of tablero-a never counts it
    tickets.ticket("TAB-F-12", OTHER_DEPARTMENT, ago(Duration.ofDays(5))).due(ago(Duration.ofHours(1))).save();
    tickets.ticket("TAB-F-13", OTHER_DEPARTMENT, second).firstResponse(second.plusSeconds(600))
        .closed(ago(Duration.ofDays(1)), "non_conforming", "no_conforme").save();
  }

  @Test
  void openRequestsByStatePriorityAndTypeAreTheRegistersRows() {
    assertThat(figures.openPerState(HEAD)).containsOnly(entry("registered", 1), entry("assigned", 1),
        entry("attending", 2), entry("temporary", 1), entry("resolved", 1));
    assertThat(figures.openPerPriority(HEAD)).containsOnly(entry("low", 1), entry("high", 1), entry("critical", 1),
        entry("medium", 3));
    assertThat(figures.openPerType(HEAD)).containsOnly(entry("equipment_support", 6));
    assertThat(figures.openPerProcedure(HEAD)).containsEntry("support-request", 6L)
        .containsEntry("information-backup", 0L).doesNotContainKey("remote-access");
  }

  @Test
  void theTrafficLightSplitsOpenTicketsByTheirDeadlineAndTheNextBusinessDay() {
    TrafficLight light = figures.trafficLight(HEAD, now);
    // TAB-F-02 is due on Thursday at 12:00: before Thursday's closing, so at risk; TAB-F-04 was marked
    // non-conforming although its (extended) deadline is ahead
    assertThat(light).isEqualTo(new TrafficLight(1, 1, 2, 1, 1));
    assertThat(figures.riskLimit(now)).isEqualTo(calendar.addBusinessDays(now.atZone(calendar.zone()), 1)
        .toInstant());
    assertThat(figures.riskLimit(now).atZone(calendar.zone()).toLocalDate()).hasToString("2026-03-12");
    assertThat(numbers(new TicketFilter(TicketFilter.Kind.LIGHT, "breached"))).containsExactly("TAB-F-04",
        "TAB-F-03");
    assertThat(numbers(new TicketFilter(TicketFilter.Kind.LIGHT, "at_risk"))).containsExactly("TAB-F-02");
    assertThat(numbers(new TicketFilter(TicketFilter.Kind.LIGHT, "on_time"))).containsExactly("TAB-F-01");
    assertThat(figures.countTickets(HEAD, new TicketFilter(TicketFilter.Kind.LIGHT, "breached"), now)).isEqualTo(2);
  }

  @Test
  void theBacklogAgesAndTheTechniciansLoad() {
    assertThat(figures.aging(HEAD, now)).containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
    assertThat(numbers(new TicketFilter(TicketFilter.Kind.AGE, "5"))).containsExactly("TAB-F-06");
    assertThat(numbers(new TicketFilter(TicketFilter.Kind.AGE, "0"))).containsExactly("TAB-F-01");
    assertThat(figures.loadPerTechnician(HEAD, now)).extracting(TechnicianLoad::technician, TechnicianLoad::open,
        TechnicianLoad::breached).containsExactly(tuple("tab.tec1", 2L, 2L), tuple("tab.tec2", 2L, 0L),
        tuple(null, 1L, 0L));
    assertThat(numbers(new TicketFilter(TicketFilter.Kind.TECHNICIAN, "-"))).containsExactly("TAB-F-01");
    assertThat(numbers(new TicketFilter(TicketFilter.Kind.TECHNICIAN, "tab.tec1"))).containsExactly("TAB-F-04",
        "TAB-F-03");
    assertThat(numbers(new TicketFilter(TicketFilter.Kind.STATE, "attending"))).containsExactly("TAB-F-05",
        "TAB-F-03");
    assertThat(numbers(new TicketFilter(TicketFilter.Kind.PRIORITY, "medium"))).containsExactly("TAB-F-06",
        "TAB-F-05", "TAB-F-04");
  }

  @Test
  void theMonthsFirstResponseConformityAndSatisfaction() {
    YearMonth march = figures.monthOf(now);
    assertThat(march).isEqualTo(YearMonth.of(2026, 3));
    FirstResponse first = figures.firstResponse(HEAD, march);
    assertThat(first).isEqualTo(new FirstResponse(4, 2, 2));
    assertThat(first.percentOnTime()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
    Conformity conformity = figures.conformity(HEAD, march);
    assertThat(conformity).isEqualTo(new Conformity(2, 1, 1));
    assertThat(DashboardPage.percent(conformity.percentConforming())).isEqualTo("66,6 %");
    assertThat(figures.satisfaction(HEAD, march)).isEqualTo(new Satisfaction(1, 1, 1, 1));
  }

  @Test
  void theTrendHoldsTwelveMonthsOfClosedTickets() {
    List<Month> trend = figures.trend(HEAD, YearMonth.of(2026, 3));
    assertThat(trend).hasSize(12);
    assertThat(trend.get(0).month()).isEqualTo(YearMonth.of(2025, 4));
    assertThat(trend.get(8)).isEqualTo(new Month(YearMonth.of(2025, 12), 1, 1, 0, 0));
    assertThat(trend.get(11)).isEqualTo(new Month(YearMonth.of(2026, 3), 4, 2, 1, 1));
    assertThat(trend.stream().mapToLong(Month::closed).sum()).isEqualTo(5);
  }

  @Test
  void theMaintenanceProgrammesProgressAgainstItsTargetPerDepartment() {
    jdbc.sql("INSERT INTO maintenance_programme (programme_code, semester, status, opened_at)"
        + " VALUES ('PM-2199-S1', '2199-S1', 'executing', CURRENT_TIMESTAMP)").update();
    long programme = jdbc.sql("SELECT id FROM maintenance_programme WHERE semester = '2199-S1'").query(Long.class)
        .single();
    String[] statuses = {"done", "done", "done", "not_done", "planned"};
    for (int i = 0; i < statuses.length; i++) {
      item(programme, "TAB-UNIT-" + i, DEPARTMENT, statuses[i]);
    }
    item(programme, "TAB-UNIT-X", OTHER_DEPARTMENT, "done");

    Maintenance head = figures.maintenance(HEAD);
    assertThat(head).isEqualTo(new Maintenance("2199-S1", "executing", 5, 3, 1, 80));
    assertThat(head.met()).isFalse();
    Maintenance all = figures.maintenance(Viewer.everything("tablero.calidad", "Gestión de calidad"));
    assertThat(all).isEqualTo(new Maintenance("2199-S1", "executing", 6, 4, 1, 80));
  }

  @Test
  void everythingCountsEveryDepartment() {
    Viewer quality = Viewer.everything("tablero.calidad", "Gestión de calidad");
    TrafficLight head = figures.trafficLight(HEAD, now);
    TrafficLight all = figures.trafficLight(quality, now);
    assertThat(all.breached()).isGreaterThanOrEqualTo(head.breached() + 1);
    assertThat(figures.tickets(quality, new TicketFilter(TicketFilter.Kind.LIGHT, "breached"), now, 10_000))
        .extracting(DashboardFigures.Ticket::number).contains("TAB-F-03", "TAB-F-04", "TAB-F-12");
    assertThat(figures.conformity(quality, YearMonth.of(2026, 3)).nonConforming()).isGreaterThanOrEqualTo(2);
  }

  private void item(long programme, String tag, String department, String status) {
    jdbc.sql("INSERT INTO maintenance_item (programme_id, asset_tag, department, original_week, planned_week, status)"
            + " VALUES (?, ?, ?, DATE '2099-01-05', DATE '2099-01-05', ?)")
        .params(programme, tag, department, status).update();
  }

  private List<String> numbers(TicketFilter filter) {
    return figures.tickets(HEAD, filter, now, 100).stream().map(DashboardFigures.Ticket::number).toList();
  }

  private Instant ago(Duration duration) {
    return now.minus(duration);
  }

  private Instant days(int days) {
    return now.plus(Duration.ofDays(days));
  }

  private static java.util.Map.Entry<String, Long> entry(String key, long value) {
    return java.util.Map.entry(key, value);
  }
}
