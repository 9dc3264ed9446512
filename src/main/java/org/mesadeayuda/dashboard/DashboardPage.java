package org.mesadeayuda.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.dashboard.Charts.Bar;
import org.mesadeayuda.dashboard.DashboardFigures.Conformity;
import org.mesadeayuda.dashboard.DashboardFigures.FirstResponse;
import org.mesadeayuda.dashboard.DashboardFigures.Maintenance;
import org.mesadeayuda.dashboard.DashboardFigures.Month;
import org.mesadeayuda.dashboard.DashboardFigures.Satisfaction;
import org.mesadeayuda.dashboard.DashboardFigures.TrafficLight;
import org.mesadeayuda.documents.DocumentPage;
import org.mesadeayuda.documents.Spreadsheets;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.report.MonthTickets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The managers' dashboard ("Tablero de la mesa de ayuda"): live figures of the registers for the desk, the Technology
 * Director, Quality and the heads of department, each number a link to the tickets behind it. Same login as Tasklist.
 * "Now" is the engine's clock, so the demo clock and the tests move it as they move the processes.
 */
@Controller
@RequestMapping(DashboardPage.PATH)
class DashboardPage {

  static final String PATH = "/mesa/tablero";
  static final int LIST_LIMIT = 500;
  private static final Locale SPANISH = Locale.forLanguageTag("es");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final DashboardAccess access;
  private final DashboardFigures figures;
  private final DashboardLabels labels;
  private final ZoneId zone;
  private final MonthTickets monthTickets;

  DashboardPage(DashboardAccess access, DashboardFigures figures, DashboardLabels labels, BusinessCalendar calendar,
      MonthTickets monthTickets) {
    this.monthTickets = monthTickets;
    this.access = access;
    this.figures = figures;
    this.labels = labels;
    this.zone = calendar.zone();
  }

  /** A row of a table beside a chart: what, how many, the list it opens (or null), and its share when it has one. */
  record Row(String label, String value, String href, String share) {}

  /** A row of the twelve-month table. */
  record MonthRow(String month, String closed, String conforming, String nonConforming, String exempt,
      String percent) {}

  /** A month's tickets to download: the month's name and its CSV and XLSX links. */
  record Download(String month, String csv, String xlsx) {}

  /** A row of the list of tickets. */
  record TicketRow(String number, String openedAt, String department, String requestType, String priority,
      String technician, String resolutionDue, String state) {}

  @GetMapping
  String board(HttpServletRequest request, HttpServletResponse response, Model model) {
    Viewer viewer = access.viewer(request);
    headers(response);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    YearMonth month = figures.monthOf(now);
    model.addAttribute("viewer", viewer);
    model.addAttribute("scope", scope(viewer));
    model.addAttribute("now", WHEN.format(now.atZone(zone)));
    model.addAttribute("monthName", monthName(month, true));
    // the month's tickets as the monthly report lists them (issue 18), this month's and the last closed month's
    List<Download> downloads = new ArrayList<>();
    for (YearMonth listed : List.of(month, month.minusMonths(1))) {
      downloads.add(new Download(monthName(listed, true), export(listed, "csv"), export(listed, "xlsx")));
    }
    model.addAttribute("downloads", downloads);
    model.addAttribute("ownDepartmentsOnly", !viewer.seesAll());

    TrafficLight light = figures.trafficLight(viewer, now);
    model.addAttribute("riskLimit", WHEN.format(figures.riskLimit(now).atZone(zone)));
    List<Bar> lightBars = List.of(
        new Bar("✓ A tiempo", light.onTime(), Charts.BLUE, list("semaforo", "on_time")),
        new Bar("! En riesgo", light.atRisk(), Charts.YELLOW, list("semaforo", "at_risk")),
        new Bar("✗ Vencidas", light.breached(), Charts.VERMILLION, list("semaforo", "breached")));
    model.addAttribute("lightChart", Charts.bars("Semáforo del plazo de resolución", lightBars));
    model.addAttribute("lightRows", List.of(
        row("A tiempo", light.onTime(), list("semaforo", "on_time"), light.measured()),
        row("En riesgo (vence a más tardar el próximo día hábil)", light.atRisk(), list("semaforo", "at_risk"),
            light.measured()),
        row("Vencidas", light.breached(), list("semaforo", "breached"), light.measured()),
        row("Exentas de plazo", light.exempt(), list("semaforo", "exempt"), -1),
        row("Resueltas, en verificación", light.resolved(), list("semaforo", "resolved"), -1)));
    model.addAttribute("light", light);

    List<Row> stateRows = new ArrayList<>();
    List<Bar> stateBars = new ArrayList<>();
    Map<String, Long> perState = figures.openPerState(viewer);
    long open = perState.values().stream().mapToLong(Long::longValue).sum();
    for (String state : List.of("registered", "assigned", "attending", "temporary", "resolved")) {
      long count = perState.getOrDefault(state, 0L);
      stateRows.add(row(DashboardLabels.STATES.get(state), count, list("estado", state), open));
      stateBars.add(new Bar(DashboardLabels.STATES.get(state), count, Charts.SKY_BLUE, list("estado", state)));
    }
    model.addAttribute("open", number(open));
    model.addAttribute("stateRows", stateRows);
    model.addAttribute("stateChart", Charts.bars("Solicitudes abiertas por estado", stateBars));

    List<Row> priorityRows = new ArrayList<>();
    List<Bar> priorityBars = new ArrayList<>();
    Map<String, Long> perPriority = figures.openPerPriority(viewer);
    String[] priorityColours = {Charts.VERMILLION, Charts.ORANGE, Charts.SKY_BLUE, Charts.BLUE};
    int colour = 0;
    for (String priority : List.of("critical", "high", "medium", "low")) {
      long count = perPriority.getOrDefault(priority, 0L);
      priorityRows.add(row(labels.priority(priority), count, list("prioridad", priority), open));
      priorityBars.add(new Bar(labels.priority(priority), count, priorityColours[colour++],
          list("prioridad", priority)));
    }
    model.addAttribute("priorityRows", priorityRows);
    model.addAttribute("priorityChart", Charts.bars("Solicitudes abiertas por prioridad", priorityBars));

    List<Row> procedureRows = new ArrayList<>();
    figures.openPerProcedure(viewer).forEach((procedure, count) -> procedureRows.add(
        row(labels.procedure(procedure), count, null, -1)));
    model.addAttribute("procedureRows", procedureRows);
    List<Row> typeRows = new ArrayList<>();
    figures.openPerType(viewer).forEach((type, count) -> typeRows.add(
        row(labels.requestType(type), count, list("tipo", type), open)));
    model.addAttribute("typeRows", typeRows);

    List<Long> aging = figures.aging(viewer, now);
    List<Row> agingRows = new ArrayList<>();
    List<Bar> agingBars = new ArrayList<>();
    for (int i = 0; i < aging.size(); i++) {
      agingRows.add(row(DashboardLabels.AGES[i], aging.get(i), list("antiguedad", String.valueOf(i)), open));
      agingBars.add(new Bar(DashboardLabels.AGES[i], aging.get(i), Charts.BLUE, list("antiguedad",
          String.valueOf(i))));
    }
    model.addAttribute("agingRows", agingRows);
    model.addAttribute("agingChart", Charts.bars("Antigüedad de las solicitudes abiertas", agingBars));

    List<Row> loadRows = new ArrayList<>();
    List<Bar> loadBars = new ArrayList<>();
    figures.loadPerTechnician(viewer, now).forEach(load -> {
      String technician = load.technician() == null ? TicketFilter.NOBODY : load.technician();
      String name = labels.person(load.technician());
      loadRows.add(new Row(name, number(load.open()), list("tecnico", technician),
          load.breached() == 0 ? "—" : number(load.breached())));
      loadBars.add(new Bar(name, load.open(), Charts.SKY_BLUE, list("tecnico", technician)));
    });
    model.addAttribute("loadRows", loadRows);
    model.addAttribute("loadChart", Charts.bars("Carga por técnico", loadBars));

    FirstResponse first = figures.firstResponse(viewer, month);
    model.addAttribute("firstResponse", first);
    model.addAttribute("firstResponsePercent", percent(first.percentOnTime()));
    Conformity conformity = figures.conformity(viewer, month);
    model.addAttribute("conformity", conformity);
    model.addAttribute("conformityPercent", percent(conformity.percentConforming()));
    Satisfaction satisfaction = figures.satisfaction(viewer, month);
    model.addAttribute("satisfaction", satisfaction);
    model.addAttribute("satisfactionPercent", percent(satisfaction.percentSatisfied()));
    Maintenance maintenance = figures.maintenance(viewer);
    model.addAttribute("maintenance", maintenance);
    if (maintenance != null) {
      model.addAttribute("maintenancePercent", percent(maintenance.percentMaintained()));
      model.addAttribute("maintenanceDetail", "mantenidos: " + number(maintenance.maintained()) + " de "
          + number(maintenance.programmed()) + "; no realizados: " + number(maintenance.notDone()) + "; "
          + (maintenance.met() ? "meta alcanzada" : "meta aún no alcanzada"));
      model.addAttribute("maintenanceChart", Charts.bars("Mantenimiento preventivo: avance frente a la meta",
          List.of(new Bar("Mantenidos (%)", Math.round(maintenance.percentMaintained() == null ? 0
                  : Math.floor(maintenance.percentMaintained())), Charts.BLUE, null),
              new Bar("Meta (%)", maintenance.target(), Charts.GREY, null))));
    }

    List<Month> trend = figures.trend(viewer, month);
    List<MonthRow> trendRows = new ArrayList<>();
    long[] conforming = new long[trend.size()];
    long[] nonConforming = new long[trend.size()];
    long[] exempt = new long[trend.size()];
    List<String> monthLabels = new ArrayList<>();
    for (int i = 0; i < trend.size(); i++) {
      Month m = trend.get(i);
      conforming[i] = m.conforming();
      nonConforming[i] = m.nonConforming();
      exempt[i] = m.exempt();
      monthLabels.add(shortMonth(m.month()));
      trendRows.add(new MonthRow(monthName(m.month(), false), number(m.closed()), number(m.conforming()),
          number(m.nonConforming()), number(m.exempt()), percent(m.percentConforming())));
    }
    model.addAttribute("trendRows", trendRows);
    model.addAttribute("trendChart", Charts.stacked("Solicitudes cerradas por mes, últimos 12 meses", monthLabels,
        List.of(new Charts.Series("Conformes", Charts.BLUE, conforming),
            new Charts.Series("No conformes", Charts.VERMILLION, nonConforming),
            new Charts.Series("Exentas", Charts.GREY, exempt))));
    return "dashboard/board";
  }

  /**
   * The month's tickets (received or closed in it) as CSV (UTF-8 with BOM, ";", for Excel) or XLSX: the same table as
   * the monthly report's, of the departments the viewer sees.
   */
  @GetMapping({"/solicitudes.csv", "/solicitudes.xlsx"})
  ResponseEntity<byte[]> monthTickets(@RequestParam(name = "mes", required = false) String month,
      HttpServletRequest request) {
    Viewer viewer = access.viewer(request);
    YearMonth listed;
    try {
      listed = month == null || month.isBlank() ? figures.monthOf(ClockUtil.getCurrentTime().toInstant())
          : YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new TicketFilter.InvalidFilterException();
    }
    Spreadsheets.Table table = monthTickets.table(listed, viewer.departments());
    String name = "Solicitudes " + listed + (viewer.seesAll() ? ""
        : " " + String.join(" ", viewer.departments().stream().sorted().toList()));
    return request.getRequestURI().endsWith(".xlsx")
        ? DocumentPage.file(name + ".xlsx", Spreadsheets.XLSX_TYPE, Spreadsheets.xlsx(table))
        : DocumentPage.file(name + ".csv", Spreadsheets.CSV_TYPE, Spreadsheets.csv(table));
  }

  static String export(YearMonth month, String format) {
    return PATH + "/solicitudes." + format + "?mes=" + month;
  }

  @GetMapping("/lista")
  String list(@RequestParam Map<String, String> query, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    Viewer viewer = access.viewer(request);
    headers(response);
    TicketFilter filter = filter(query);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<TicketRow> rows = figures.tickets(viewer, filter, now, LIST_LIMIT).stream().map(ticket -> new TicketRow(
        ticket.number(), WHEN.format(ticket.openedAt().atZone(zone)), labels.department(ticket.department()),
        labels.requestType(ticket.requestType()), labels.priority(ticket.priority()),
        labels.person(ticket.technician()), WHEN.format(ticket.resolutionDue().atZone(zone)),
        DashboardLabels.STATES.getOrDefault(ticket.state(), ticket.state()))).toList();
    long total = rows.size() < LIST_LIMIT ? rows.size() : figures.countTickets(viewer, filter, now);
    model.addAttribute("viewer", viewer);
    model.addAttribute("scope", scope(viewer));
    model.addAttribute("title", title(filter));
    model.addAttribute("tickets", rows);
    model.addAttribute("total", number(total));
    model.addAttribute("truncated", total > rows.size());
    model.addAttribute("now", WHEN.format(now.atZone(zone)));
    return "dashboard/list";
  }

  @ExceptionHandler(DashboardAccess.NotSignedInException.class)
  ModelAndView notSignedIn(HttpServletResponse response) {
    return message(HttpStatus.UNAUTHORIZED, "Inicie sesión en Tasklist y vuelva a abrir el tablero.", response);
  }

  @ExceptionHandler(DashboardAccess.NotAllowedException.class)
  ModelAndView notAllowed(HttpServletResponse response) {
    return message(HttpStatus.FORBIDDEN, "El tablero es para la mesa de ayuda, la Dirección de Tecnología, Gestión "
        + "de calidad y los jefes de departamento. Sus solicitudes y tareas están en Tasklist.", response);
  }

  @ExceptionHandler(TicketFilter.InvalidFilterException.class)
  ModelAndView invalidFilter(HttpServletResponse response) {
    return message(HttpStatus.BAD_REQUEST, "Esa lista no existe; vuelva al tablero y elija una cifra.", response);
  }

  private ModelAndView message(HttpStatus status, String reason, HttpServletResponse response) {
    headers(response);
    ModelAndView page = new ModelAndView("dashboard/refused", status);
    page.addObject("reason", reason);
    return page;
  }

  private static TicketFilter filter(Map<String, String> query) {
    for (TicketFilter.Kind kind : TicketFilter.Kind.values()) {
      if (query.containsKey(kind.parameter)) {
        return new TicketFilter(kind, query.get(kind.parameter));
      }
    }
    throw new TicketFilter.InvalidFilterException();
  }

  private String title(TicketFilter filter) {
    return switch (filter.kind()) {
      case LIGHT -> "Semáforo: " + DashboardLabels.LIGHTS.get(filter.value());
      case STATE -> "Estado: " + DashboardLabels.STATES.get(filter.value());
      case PRIORITY -> "Prioridad: " + labels.priority(filter.value());
      case AGE -> "Antigüedad: " + DashboardLabels.AGES[Integer.parseInt(filter.value())];
      case TECHNICIAN -> "Técnico: " + labels.person(TicketFilter.NOBODY.equals(filter.value()) ? null
          : filter.value());
      case TYPE -> "Tipo de solicitud: " + labels.requestType(filter.value());
    };
  }

  private String scope(Viewer viewer) {
    return viewer.seesAll() ? "Todos los departamentos" : "Departamento: " + String.join(", ",
        viewer.departments().stream().map(labels::department).sorted().toList());
  }

  static String list(String parameter, String value) {
    return UriComponentsBuilder.fromPath(PATH + "/lista").queryParam(parameter, value).encode().build()
        .toUriString();
  }

  private static Row row(String label, long value, String href, long whole) {
    return new Row(label, number(value), value > 0 ? href : null,
        whole < 0 ? "" : percent(DashboardFigures.percent(value, whole)));
  }

  static String number(long value) {
    return NumberFormat.getIntegerInstance(SPANISH).format(value);
  }

  /** One decimal, rounded down as the maintenance indicator shows it, so 79,96 % never reads as 80,0 %. */
  static String percent(Double value) {
    if (value == null) {
      return "—";
    }
    return String.format(SPANISH, "%.1f %%", Math.floor(value * 10) / 10);
  }

  private static String monthName(YearMonth month, boolean capital) {
    String name = month.getMonth().getDisplayName(TextStyle.FULL, SPANISH) + " de " + month.getYear();
    return capital ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
  }

  private static String shortMonth(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.SHORT, SPANISH).replace(".", "") + " "
        + String.valueOf(month.getYear()).substring(2);
  }

  private static void headers(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'self'; base-uri 'none'");
    response.setHeader("Referrer-Policy", "same-origin");
  }
}
