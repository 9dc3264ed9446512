package org.mesadeayuda.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.maintenance.Lines.Line;
import org.mesadeayuda.maintenance.MaintenanceItem.Checklist;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * The maintenance register and what the diagram asks of it: the draft from the inventory, the programme's items per
 * department and per week, reprogramming (DIACO-IN-FO-03), the execution records and the compliance indicator.
 * Exposed to BPMN expressions as {@code maintenanceProgrammes}. Time is the engine's clock, so a moved clock (tests,
 * the demo) moves the programme too.
 */
@Component("maintenanceProgrammes")
@ExpressionHelper
public class MaintenanceProgrammes {

  /** A request from a department to move a unit, as its head typed it. */
  record ReprogramRequest(String assetTag, LocalDate proposedWeek, String reason) {}

  private final MaintenanceProgrammeRepository programmes;
  private final MaintenanceItemRepository items;
  private final ReprogrammingRepository reprogrammings;
  private final MaintainableEquipment equipment;
  private final BusinessCalendar calendar;
  private final InstitutionProperties institution;
  private final MaintenanceProperties properties;
  private final RuntimeService runtime;

  public MaintenanceProgrammes(MaintenanceProgrammeRepository programmes, MaintenanceItemRepository items,
      ReprogrammingRepository reprogrammings, MaintainableEquipment equipment, BusinessCalendar calendar,
      InstitutionProperties institution, MaintenanceProperties properties, RuntimeService runtime) {
    this.programmes = programmes;
    this.items = items;
    this.reprogrammings = reprogrammings;
    this.equipment = equipment;
    this.calendar = calendar;
    this.institution = institution;
    this.properties = properties;
    this.runtime = runtime;
  }

  // --- opening and drafting (PM-1) ---

  /**
   * Opens the semester's programme; a semester has one programme only. A programme still in drafting whose case was
   * cancelled (in Cockpit) is taken over by the new case, its draft discarded: nothing of it was approved or sent.
   */
  public MaintenanceProgramme open(Semester semester, String processInstanceId) {
    Optional<MaintenanceProgramme> existing = programmes.findBySemester(semester.code());
    if (existing.isEmpty()) {
      return programmes.save(MaintenanceProgramme.open(semester, processInstanceId, now()));
    }
    if (!abandoned(existing.get())) {
      throw new InvalidInputException("El " + semester.label() + " ya tiene un programa de mantenimiento (MP-"
          + semester.code() + ").");
    }
    items.deleteByProgrammeId(existing.get().id());
    return programmes.save(existing.get().reopened(processInstanceId, now()));
  }

  /** The semester's programme, unless it is an abandoned draft that a new case may take over. */
  public Optional<MaintenanceProgramme> programmeInForce(Semester semester) {
    return programmes.findBySemester(semester.code()).filter(programme -> !abandoned(programme));
  }

  private boolean abandoned(MaintenanceProgramme programme) {
    return MaintenanceProgramme.DRAFTING.equals(programme.status()) && (programme.processInstanceId() == null
        || runtime.createProcessInstanceQuery().processInstanceId(programme.processInstanceId()).count() == 0);
  }

  /**
   * A draft from the inventory: every unit in service, each department in weeks of its own (at most
   * {@code units-per-week} units a week), from the first Monday that leaves time for approval and the departments'
   * answers; with more departments than weeks the weeks are shared. The head of IT edits it before it goes for
   * approval.
   */
  public String proposeDraft(Long programmeId) {
    Semester semester = semesterOf(programmeId);
    List<LocalDate> weeks = semester.weeksFrom(today().plusDays(properties.firstWeekAfterDays()));
    if (weeks.isEmpty()) {
      weeks = List.of(Weeks.mondayOf(semester.lastDay()));
    }
    StringBuilder text = new StringBuilder("# ETIQUETA; semana (cualquier día de la semana, AAAA-MM-DD); descripción\n");
    String department = null;
    int week = -1;
    int inWeek = 0;
    for (MaintainableEquipment.Unit unit : equipment.all()) {
      boolean newDepartment = !unit.department().equals(department);
      if (newDepartment || inWeek == properties.unitsPerWeek()) {
        week = (week + 1) % weeks.size();
        inWeek = 0;
      }
      if (newDepartment) {
        department = unit.department();
        text.append("# ").append(departmentName(department)).append('\n');
      }
      text.append(line(unit.assetTag(), weeks.get(week), unit.description()));
      inWeek++;
    }
    return text.toString();
  }

  /**
   * Replaces the programme's items with what the head of IT wrote. Every unit must be in service in the register,
   * once, in a week of the semester; all problems are reported together and nothing is saved until there are none.
   *
   * @return the programme rewritten in its canonical form (each week as its Monday)
   */
  public String replaceItems(Long programmeId, String programmeText, String draftedBy) {
    MaintenanceProgramme programme = programme(programmeId);
    Semester semester = semesterOf(programme);
    Lines problems = new Lines();
    List<MaintenanceItem> drafted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Line line : Lines.of(programmeText)) {
      String tag = line.field(0).toUpperCase();
      Optional<MaintainableEquipment.Unit> unit = equipment.find(tag);
      Optional<LocalDate> week = Weeks.parse(line.field(1));
      if (unit.isEmpty()) {
        problems.problem(line, "el equipo «" + line.field(0) + "» no está en servicio en el inventario.");
      } else if (!seen.add(tag)) {
        problems.problem(line, "el equipo " + tag + " ya está en el programa.");
      } else if (week.isEmpty()) {
        problems.problem(line, "escriba la semana como AAAA-MM-DD (por ejemplo 2026-02-09).");
      } else if (!semester.hasWeek(week.get())) {
        problems.problem(line, "la " + Weeks.label(week.get()) + " no es del " + semester.label() + ".");
      } else {
        String description = line.rest(2).isEmpty() ? unit.get().description() : line.rest(2);
        drafted.add(MaintenanceItem.planned(programmeId, tag, unit.get().department(), description, week.get()));
      }
    }
    if (drafted.isEmpty() && seen.isEmpty()) {
      problems.problem("El programa no tiene equipos: escriba al menos uno (ETIQUETA; AAAA-MM-DD).");
    }
    problems.throwIfAny();
    items.deleteByProgrammeId(programmeId);
    items.saveAll(drafted);
    programmes.save(programme.drafted(draftedBy));
    return programmeText(programmeId);
  }

  /** The programme as the head of IT writes it, grouped by department. */
  public String programmeText(Long programmeId) {
    StringBuilder text = new StringBuilder();
    Map<String, List<MaintenanceItem>> byDepartment = itemsByDepartment(programmeId);
    byDepartment.forEach((department, units) -> {
      text.append("# ").append(departmentName(department)).append('\n');
      units.forEach(item -> text.append(line(item.assetTag(), item.plannedWeek(), item.description())));
    });
    return text.toString();
  }

  /** One sentence for the approver: how many units, departments and weeks. */
  public String summary(Long programmeId) {
    List<MaintenanceItem> all = allItems(programmeId);
    if (all.isEmpty()) {
      return "El programa no tiene equipos.";
    }
    LocalDate first = all.stream().map(MaintenanceItem::plannedWeek).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = all.stream().map(MaintenanceItem::plannedWeek).max(LocalDate::compareTo).orElseThrow();
    long departments = all.stream().map(MaintenanceItem::department).distinct().count();
    return all.size() + (all.size() == 1 ? " equipo" : " equipos") + " de " + departments
        + (departments == 1 ? " departamento" : " departamentos") + ", de la " + Weeks.label(first) + " a la "
        + Weeks.label(last) + ".";
  }

  // --- approval (PM-1) ---

  public void recordApproval(Long programmeId, String approvedBy) {
    programmes.save(programme(programmeId).approved(approvedBy, now()));
  }

  public void recordRejection(Long programmeId, String comments) {
    programmes.save(programme(programmeId).rejected(comments));
  }

  public void startExecution(Long programmeId) {
    programmes.save(programme(programmeId).executing());
  }

  // --- availability per department and reprogramming (PM-2, PM-3) ---

  /** The departments with units in the programme: one availability task each. */
  public List<String> departments(Long programmeId) {
    return new ArrayList<>(itemsByDepartment(programmeId).keySet());
  }

  public String departmentName(String department) {
    return institution.department(department).map(InstitutionProperties.Department::name).orElse(department);
  }

  /**
   * The head who answers the department's availability task, when the institution names one
   * ({@code mesa.institution.departments.<code>.head-user}); otherwise the task waits in the heads' group.
   */
  public String departmentHead(String department) {
    return institution.department(department).map(InstitutionProperties.Department::headUser)
        .filter(user -> !user.isBlank()).orElse(null);
  }

  /** The department's units and weeks, one per line as in the programme. */
  public String itemsText(Long programmeId, String department) {
    return items.findByProgrammeIdAndDepartmentOrderByPlannedWeekAscAssetTagAsc(programmeId, department).stream()
        .map(item -> line(item.assetTag(), item.plannedWeek(), item.description() + " — " + Weeks.label(
            item.plannedWeek())))
        .collect(Collectors.joining());
  }

  public void confirmAvailability(Long programmeId, String department) {
    items.saveAll(items.findByProgrammeIdAndDepartmentOrderByPlannedWeekAscAssetTagAsc(programmeId, department)
        .stream().map(MaintenanceItem::confirmed).toList());
  }

  /** Reads a department's request: each unit must be its own, with a week of the semester and a reason. */
  public List<ReprogramRequest> parseRequests(Long programmeId, String department, String text) {
    Semester semester = semesterOf(programmeId);
    Set<String> own = departmentTags(programmeId, department);
    Lines problems = new Lines();
    List<ReprogramRequest> requests = new ArrayList<>();
    for (Line line : Lines.of(text)) {
      String tag = line.field(0).toUpperCase();
      Optional<LocalDate> week = Weeks.parse(line.field(1));
      if (!own.contains(tag)) {
        problems.problem(line, "el equipo «" + line.field(0) + "» no está programado para " + departmentName(
            department) + ".");
      } else if (week.isEmpty()) {
        problems.problem(line, "escriba la semana propuesta como AAAA-MM-DD.");
      } else if (!semester.hasWeek(week.get())) {
        problems.problem(line, "la " + Weeks.label(week.get()) + " no es del " + semester.label() + ".");
      } else if (line.rest(2).isEmpty()) {
        problems.problem(line, "indique el motivo de la reprogramación de " + tag + ".");
      } else {
        requests.add(new ReprogramRequest(tag, week.get(), line.rest(2)));
      }
    }
    if (Lines.of(text).isEmpty()) {
      problems.problem("Indique qué equipos reprogramar: ETIQUETA; semana propuesta AAAA-MM-DD; motivo.");
    }
    problems.throwIfAny();
    return requests;
  }

  /** The requests as the head of IT's decision starts: each unit with the week the department proposed. */
  public String proposedDecision(List<ReprogramRequest> requests) {
    return requests.stream().map(request -> request.assetTag() + "; " + request.proposedWeek() + "\n")
        .collect(Collectors.joining());
  }

  /**
   * Moves the units as the head of IT decided and records each move in the reprogramming register, with the
   * department's reason and who asked. A unit can be moved again later; every move stays in the register.
   *
   * @return how many units were moved
   */
  public int reprogram(Long programmeId, String department, String requestText, String decisionText,
      String requestedBy, String recordedBy) {
    Semester semester = semesterOf(programmeId);
    Map<String, ReprogramRequest> requested = parseRequests(programmeId, department, requestText).stream()
        .collect(Collectors.toMap(ReprogramRequest::assetTag, request -> request, (first, second) -> second));
    Lines problems = new Lines();
    Map<String, LocalDate> moves = new LinkedHashMap<>();
    for (Line line : Lines.of(decisionText)) {
      String tag = line.field(0).toUpperCase();
      Optional<LocalDate> week = Weeks.parse(line.field(1));
      if (!requested.containsKey(tag)) {
        problems.problem(line, "el departamento no pidió reprogramar «" + line.field(0) + "».");
      } else if (week.isEmpty()) {
        problems.problem(line, "escriba la nueva semana como AAAA-MM-DD.");
      } else if (!semester.hasWeek(week.get())) {
        problems.problem(line, "la " + Weeks.label(week.get()) + " no es del " + semester.label() + ".");
      } else {
        moves.put(tag, week.get());
      }
    }
    if (Lines.of(decisionText).isEmpty()) {
      problems.problem("Indique la nueva semana de cada equipo: ETIQUETA; AAAA-MM-DD.");
    }
    problems.throwIfAny();
    Instant at = now();
    moves.forEach((tag, week) -> {
      MaintenanceItem item = items.findByProgrammeIdAndAssetTag(programmeId, tag).orElseThrow();
      reprogrammings.save(new MaintenanceReprogramming(null, programmeId, item.id(), tag, department, item.plannedWeek(), week,
          requested.get(tag).reason(), requestedBy, recordedBy, at));
      items.save(item.movedTo(week));
    });
    return moves.size();
  }

  public List<MaintenanceReprogramming> reprogrammings(Long programmeId) {
    return reprogrammings.findByProgrammeIdOrderByRecordedAtAscIdAsc(programmeId);
  }

  // --- execution (PM-5) ---

  /** One batch per planned week and department, for the units still to be maintained. */
  public List<String> batches(Long programmeId) {
    return new ArrayList<>(allItems(programmeId).stream().filter(MaintenanceItem::pending)
        .map(item -> programmeId + ":" + item.plannedWeek() + ":" + item.department())
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  /** When the batch's week opens: Monday (or the week's first business day) at opening time. */
  public Date batchStart(String batch) {
    Batch key = Batch.parse(batch);
    return Date.from(calendar.nextBusinessMoment(key.week().atStartOfDay(calendar.zone())).toInstant());
  }

  /** The end of the batch's week: Friday at closing time. */
  public Date batchDue(String batch) {
    return calendar.closingTime(Batch.parse(batch).week().plusDays(4));
  }

  public String batchLabel(String batch) {
    Batch key = Batch.parse(batch);
    return departmentName(key.department()) + " — " + Weeks.label(key.week());
  }

  public String batchItemsText(String batch) {
    return batchItems(Batch.parse(batch)).stream()
        .map(item -> item.assetTag() + " — " + item.description() + "\n").collect(Collectors.joining());
  }

  /**
   * Records the technician's work on a batch: the units listed as not done, with their reasons, count against the
   * indicator; the others are done with the ticked checklist.
   *
   * @return how many units were recorded as done
   */
  public int recordBatch(String batch, Checklist checklist, String notDoneText, String notes, String technician) {
    List<MaintenanceItem> batchItems = batchItems(Batch.parse(batch));
    Map<String, MaintenanceItem> byTag = batchItems.stream()
        .collect(Collectors.toMap(MaintenanceItem::assetTag, item -> item));
    Lines problems = new Lines();
    Map<String, String> notDone = new LinkedHashMap<>();
    for (Line line : Lines.of(notDoneText)) {
      String tag = line.field(0).toUpperCase();
      if (!byTag.containsKey(tag)) {
        problems.problem(line, "el equipo «" + line.field(0) + "» no es de este lote.");
      } else if (line.rest(1).isEmpty()) {
        problems.problem(line, "indique por qué no se atendió " + tag + ".");
      } else {
        notDone.put(tag, line.rest(1));
      }
    }
    boolean anyDone = batchItems.stream().anyMatch(item -> !notDone.containsKey(item.assetTag()));
    if (anyDone && !checklist.any()) {
      problems.problem("Marque las actividades realizadas, o liste como no atendidos los equipos sin mantenimiento.");
    }
    problems.throwIfAny();
    Instant at = now();
    items.saveAll(batchItems.stream().map(item -> notDone.containsKey(item.assetTag())
        ? item.notDone(notDone.get(item.assetTag()), notes, technician, at)
        : item.done(checklist, notes, technician, at)).toList());
    return (int) batchItems.stream().filter(item -> !notDone.containsKey(item.assetTag())).count();
  }

  /** Flags the batch's units still without a record once their week is over. */
  public int flagOverdue(String batch) {
    List<MaintenanceItem> late = batchItems(Batch.parse(batch)).stream().filter(MaintenanceItem::pending).toList();
    items.saveAll(late.stream().map(MaintenanceItem::flaggedOverdue).toList());
    return late.size();
  }

  /** The semester's last moment: whatever is not done by then counts as not done. */
  public Date semesterEnd(Long programmeId) {
    LocalDate lastDay = semesterOf(programmeId).lastDay();
    return Date.from(lastDay.plusDays(1).atStartOfDay(calendar.zone()).minusSeconds(1).toInstant());
  }

  // --- closing and the indicator (PM-4) ---

  /**
   * Closes the execution: units without a record become not done, and the indicator is stored with the deadline
   * to deliver it to Quality (the n-th business day of the following month).
   */
  public ComplianceIndicator close(Long programmeId) {
    Instant at = now();
    items.saveAll(allItems(programmeId).stream().filter(MaintenanceItem::pending)
        .map(item -> item.notDone("No se ejecutó antes del cierre del programa.", item.notes(), null, at)).toList());
    ComplianceIndicator indicator = indicator(programmeId);
    Date due = qualityDueDate(programmeId);
    programmes.save(programme(programmeId).closed(indicator, at, due.toInstant()));
    return indicator;
  }

  /**
   * The deadline to deliver the indicator of a programme closed now: within the first business days of the month
   * after the programme (PM-4). A programme closed after its semester ended belongs to the semester's last month.
   */
  public Date qualityDueDate(Long programmeId) {
    LocalDate lastDay = semesterOf(programmeId).lastDay();
    LocalDate closing = today().isAfter(lastDay) ? lastDay : today();
    return calendar.endOfBusinessDay(YearMonth.from(closing).plusMonths(1), properties.qualityDeliveryBusinessDays());
  }

  /** The indicator as the register stands: final once the programme is closed, the progress so far before. */
  public ComplianceIndicator indicator(Long programmeId) {
    MaintenanceProgramme programme = programme(programmeId);
    List<MaintenanceItem> all = allItems(programmeId);
    Set<Long> moved = reprogrammings(programmeId).stream().map(MaintenanceReprogramming::itemId).collect(Collectors.toSet());
    return ComplianceIndicator.of(programme, all, moved, properties.compliancePercentTarget());
  }

  /** The indicator as Quality reads it (Markdown): the figures, what was reprogrammed and what was not done. */
  public String indicatorSummary(Long programmeId) {
    ComplianceIndicator indicator = indicator(programmeId);
    StringBuilder text = new StringBuilder();
    text.append("**Equipos programados:** ").append(indicator.programmed())
        .append(" · **Con mantenimiento:** ").append(indicator.maintained())
        .append(" · **No realizados:** ").append(indicator.notDone())
        .append("\n\n**Cumplimiento:** ").append(indicator.percentLabel()).append(" (meta ")
        .append(indicator.target()).append(" %: ").append(indicator.met() ? "alcanzada" : "no alcanzada")
        .append(")\n");
    List<MaintenanceReprogramming> moves = reprogrammings(programmeId);
    text.append("\n**Reprogramaciones (DIACO-IN-FO-03):** ").append(moves.isEmpty() ? "ninguna" : moves.size())
        .append('\n');
    moves.forEach(move -> text.append("- ").append(move.assetTag()).append(" (").append(departmentName(
        move.department())).append("): de la ").append(Weeks.label(move.originalWeek())).append(" a la ")
        .append(Weeks.label(move.newWeek())).append(". Motivo: ").append(move.reason())
        .append(move.requestedBy() == null ? "" : ". Solicitó: " + move.requestedBy()).append('\n'));
    List<MaintenanceItem> notDone = allItems(programmeId).stream()
        .filter(item -> MaintenanceItem.NOT_DONE.equals(item.status())).toList();
    text.append("\n**No realizados:** ").append(notDone.isEmpty() ? "ninguno" : notDone.size()).append('\n');
    notDone.forEach(item -> text.append("- ").append(item.assetTag()).append(" (")
        .append(departmentName(item.department())).append(", ").append(Weeks.label(item.plannedWeek()))
        .append("): ").append(item.notDoneReason()).append(item.overdue() ? " — señalado como atrasado" : "")
        .append('\n'));
    return text.toString();
  }

  public void recordDelivery(Long programmeId, String analysis, String deliveredBy) {
    programmes.save(programme(programmeId).delivered(analysis, deliveredBy, now()));
  }

  // --- reading ---

  public MaintenanceProgramme programme(Long programmeId) {
    return programmes.findById(programmeId)
        .orElseThrow(() -> new IllegalStateException("no maintenance programme " + programmeId));
  }

  public Optional<MaintenanceProgramme> programme(Semester semester) {
    return programmes.findBySemester(semester.code());
  }

  public List<MaintenanceProgramme> all() {
    return programmes.findAllByOrderBySemesterDesc();
  }

  public List<MaintenanceItem> allItems(Long programmeId) {
    return items.findByProgrammeIdOrderByPlannedWeekAscDepartmentAscAssetTagAsc(programmeId);
  }

  public LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toLocalDate();
  }

  // --- helpers ---

  private record Batch(Long programmeId, LocalDate week, String department) {
    static Batch parse(String key) {
      String[] parts = key.split(":", 3);
      return new Batch(Long.valueOf(parts[0]), LocalDate.parse(parts[1]), parts[2]);
    }
  }

  private List<MaintenanceItem> batchItems(Batch batch) {
    return items.findByProgrammeIdAndDepartmentOrderByPlannedWeekAscAssetTagAsc(batch.programmeId(),
        batch.department()).stream().filter(item -> item.plannedWeek().equals(batch.week())).toList();
  }

  private Map<String, List<MaintenanceItem>> itemsByDepartment(Long programmeId) {
    Map<String, List<MaintenanceItem>> byDepartment = new java.util.TreeMap<>();
    allItems(programmeId).forEach(item ->
        byDepartment.computeIfAbsent(item.department(), department -> new ArrayList<>()).add(item));
    return byDepartment;
  }

  private Set<String> departmentTags(Long programmeId, String department) {
    return items.findByProgrammeIdAndDepartmentOrderByPlannedWeekAscAssetTagAsc(programmeId, department).stream()
        .map(MaintenanceItem::assetTag).collect(Collectors.toSet());
  }

  private Semester semesterOf(Long programmeId) {
    return semesterOf(programme(programmeId));
  }

  private static Semester semesterOf(MaintenanceProgramme programme) {
    return Semester.parse(programme.semester()).orElseThrow();
  }

  private static String line(String tag, LocalDate week, String description) {
    return tag + "; " + week + (description == null || description.isBlank() ? "" : "; " + description) + "\n";
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
