package org.mesadeayuda.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
import org.mesadeayuda.platform.Role;
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
   * A draft from the inventory, written to the register: every unit in service, each department in weeks of its own
   * (at most {@code units-per-week} units a week), from the first Monday that leaves time for approval and the
   * departments' answers; with more departments than weeks the weeks are shared. The head of IT changes it with a
   * short list of edits ({@link #applyEdits}) before it goes for approval.
   *
   * @return how many units the draft holds
   */
  public int proposeDraft(Long programmeId) {
    Semester semester = semesterOf(programmeId);
    List<LocalDate> weeks = semester.weeksFrom(today().plusDays(properties.firstWeekAfterDays()));
    if (weeks.isEmpty()) {
      weeks = List.of(Weeks.mondayOf(semester.lastDay()));
    }
    List<MaintenanceItem> draft = new ArrayList<>();
    String department = null;
    int week = -1;
    int inWeek = 0;
    for (MaintainableEquipment.Unit unit : equipment.all()) {
      boolean newDepartment = !unit.department().equals(department);
      if (newDepartment || inWeek == properties.unitsPerWeek()) {
        week = (week + 1) % weeks.size();
        inWeek = 0;
      }
      department = unit.department();
      draft.add(MaintenanceItem.planned(programmeId, unit.assetTag(), unit.department(), unit.description(),
          weeks.get(week)));
      inWeek++;
    }
    items.deleteByProgrammeId(programmeId);
    items.saveAll(draft);
    return draft.size();
  }

  /**
   * The head of IT's changes to the draft, one per line (PM-1, DIACO-IN-FO-02), applied in order to the register:
   * <ul>
   *   <li>{@code ETIQUETA; AAAA-MM-DD}: the unit goes to that week (added when it is in service and not yet in it);</li>
   *   <li>{@code ETIQUETA; quitar}: the unit leaves the programme;</li>
   *   <li>{@code AAAA-MM-DD; AAAA-MM-DD[; departamento]}: every unit of the first week (of the department) goes to
   *   the second.</li>
   * </ul>
   * Weeks are of the semester and not already past. All problems are reported together and nothing is saved until
   * there are none. No edits: the draft stays as it is.
   */
  public void applyEdits(Long programmeId, String edits, String draftedBy) {
    MaintenanceProgramme programme = programme(programmeId);
    Semester semester = semesterOf(programme);
    Map<String, MaintenanceItem> byTag = new LinkedHashMap<>();
    allItems(programmeId).forEach(item -> byTag.put(item.assetTag(), item));
    Map<String, MaintenanceItem> changed = new LinkedHashMap<>();
    Lines problems = new Lines();
    for (Line line : Lines.of(edits)) {
      Optional<LocalDate> fromWeek = Weeks.parse(line.field(0));
      if (fromWeek.isPresent()) {
        Optional<LocalDate> toWeek = Weeks.parse(line.field(1));
        Optional<String> department = line.field(2).isEmpty() ? Optional.empty() : departmentCode(line.field(2));
        if (toWeek.isEmpty()) {
          problems.problem(line, "escriba la nueva semana como AAAA-MM-DD.");
        } else if (!line.field(2).isEmpty() && department.isEmpty()) {
          problems.problem(line, "no hay un departamento «" + line.field(2) + "».");
        } else if (plannableProblem(semester, toWeek.get()) != null) {
          problems.problem(line, plannableProblem(semester, toWeek.get()));
        } else {
          List<MaintenanceItem> inWeek = byTag.values().stream()
              .filter(item -> item.plannedWeek().equals(fromWeek.get()))
              .filter(item -> department.isEmpty() || item.department().equals(department.get())).toList();
          if (inWeek.isEmpty()) {
            problems.problem(line, "no hay equipos en la " + Weeks.label(fromWeek.get())
                + department.map(code -> " de " + departmentName(code)).orElse("") + ".");
          }
          inWeek.forEach(item -> changed.put(item.assetTag(), put(byTag, item.plannedFor(toWeek.get()))));
        }
        continue;
      }
      String tag = line.field(0).toUpperCase();
      if ("quitar".equalsIgnoreCase(line.field(1))) {
        if (byTag.remove(tag) == null) {
          problems.problem(line, "el equipo «" + line.field(0) + "» no está en el programa.");
        }
        changed.remove(tag);
        continue;
      }
      Optional<LocalDate> week = Weeks.parse(line.field(1));
      if (week.isEmpty()) {
        problems.problem(line, "escriba la semana como AAAA-MM-DD (por ejemplo 2026-02-09), o «quitar».");
      } else if (plannableProblem(semester, week.get()) != null) {
        problems.problem(line, plannableProblem(semester, week.get()));
      } else if (byTag.containsKey(tag)) {
        changed.put(tag, put(byTag, byTag.get(tag).plannedFor(week.get())));
      } else {
        Optional<MaintainableEquipment.Unit> unit = equipment.find(tag);
        if (unit.isEmpty()) {
          problems.problem(line, "el equipo «" + line.field(0) + "» no está en servicio en el inventario.");
        } else {
          changed.put(tag, put(byTag, MaintenanceItem.planned(programmeId, tag, unit.get().department(),
              unit.get().description(), week.get())));
        }
      }
    }
    if (byTag.isEmpty()) {
      problems.problem("El programa no tiene equipos: deje al menos uno.");
    }
    problems.throwIfAny();
    Set<String> kept = byTag.keySet();
    List<MaintenanceItem> removed = allItems(programmeId).stream()
        .filter(item -> !kept.contains(item.assetTag()) || (changed.containsKey(item.assetTag())
            && changed.get(item.assetTag()).id() == null))
        .toList();
    items.deleteAll(removed);
    items.saveAll(changed.values().stream().filter(item -> kept.contains(item.assetTag())).toList());
    programmes.save(programme.drafted(draftedBy));
  }

  private static MaintenanceItem put(Map<String, MaintenanceItem> byTag, MaintenanceItem item) {
    byTag.put(item.assetTag(), item);
    return item;
  }

  /** Why a unit cannot be planned in that week, or null: a week of the semester not already over. */
  private String plannableProblem(Semester semester, LocalDate week) {
    if (!semester.hasWeek(week)) {
      return "la " + Weeks.label(week) + " no es del " + semester.label() + ".";
    }
    if (week.isBefore(currentWeek())) {
      return "la " + Weeks.label(week) + " ya pasó.";
    }
    return null;
  }

  /**
   * Replaces the programme's items with a complete list (one unit per line: {@code ETIQUETA; AAAA-MM-DD;
   * descripción}), as an import would. Every unit must be in service in the register, once, in a week of the
   * semester; all problems are reported together and nothing is saved until there are none.
   */
  public void replaceItems(Long programmeId, String programmeText, String draftedBy) {
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
  }

  /** A row of the programme as the draft and approval forms show it: one week of one department. */
  public record PlanRow(String week, String department, int units, String assetTags) {}

  /** The programme per week and department, in week order: what the head of IT and the direction read. */
  public List<PlanRow> plan(Long programmeId) {
    Map<LocalDate, Map<String, List<MaintenanceItem>>> byWeek = new java.util.TreeMap<>();
    allItems(programmeId).forEach(item -> byWeek.computeIfAbsent(item.plannedWeek(), week -> new java.util.TreeMap<>())
        .computeIfAbsent(item.department(), department -> new ArrayList<>()).add(item));
    List<PlanRow> rows = new ArrayList<>();
    byWeek.forEach((week, departments) -> departments.forEach((department, units) -> rows.add(new PlanRow(
        Weeks.shortLabel(week), departmentName(department), units.size(), tags(units)))));
    return rows;
  }

  /** The programme per week and department as a JSON variable (it grows with the programme). */
  public Object planVariable(Long programmeId) {
    return JsonVariables.of(plan(programmeId));
  }

  private static String tags(List<MaintenanceItem> units) {
    return units.stream().map(MaintenanceItem::assetTag).sorted().collect(Collectors.joining(", "));
  }

  /** The programme as text, grouped by department (exports and e-mails; never a process variable). */
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

  /** The department's code, written as its code or its name. */
  private Optional<String> departmentCode(String written) {
    String wanted = written.trim();
    return institution.departments().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(wanted)
            || (entry.getValue().name() != null && entry.getValue().name().equalsIgnoreCase(wanted)))
        .map(Map.Entry::getKey).findFirst();
  }

  /**
   * The head who answers for the department's units, when the institution names one
   * ({@code mesa.institution.departments.<code>.head-user}); the task is then hers alone.
   */
  public String departmentHead(String department) {
    return institution.department(department).map(InstitutionProperties.Department::headUser)
        .filter(user -> !user.isBlank()).orElse(null);
  }

  /**
   * Who may answer for a department's units besides its head: nobody when the institution names a head (the task is
   * hers, no other head sees it); otherwise the Technology Directorate ({@code director-ti}), which draws up and
   * reprograms the programme and knows the units. Not {@code jefes-proceso}: every head is in it, so any head could
   * answer for a department that is not hers.
   */
  public List<String> availabilityGroups(String department) {
    return departmentHead(department) == null ? List.of(Role.DIRECTOR_TI.groupId()) : List.of();
  }

  /** Refuses an answer about a department from anyone but its named head (also through REST, or a reassigned task). */
  public void requireDepartmentHead(String department, String actor) {
    String head = departmentHead(department);
    if (head != null && !head.equals(actor)) {
      throw new InvalidInputException("Solo la jefatura de " + departmentName(department) + " (" + head
          + ") responde por la disponibilidad de sus equipos.");
    }
  }

  /** A row of a department's plan: one week, its units still to maintain. */
  public record DepartmentWeek(String week, int units, String assetTags) {}

  /** The department's units still to maintain, per week: what its head checks and may ask to move. */
  public List<DepartmentWeek> departmentPlan(Long programmeId, String department) {
    Map<LocalDate, List<MaintenanceItem>> byWeek = new java.util.TreeMap<>();
    items.findByProgrammeIdAndDepartmentOrderByPlannedWeekAscAssetTagAsc(programmeId, department).stream()
        .filter(MaintenanceItem::pending)
        .forEach(item -> byWeek.computeIfAbsent(item.plannedWeek(), week -> new ArrayList<>()).add(item));
    List<DepartmentWeek> rows = new ArrayList<>();
    byWeek.forEach((week, units) -> rows.add(new DepartmentWeek(Weeks.shortLabel(week), units.size(), tags(units))));
    return rows;
  }

  public Object departmentPlanVariable(Long programmeId, String department) {
    return JsonVariables.of(departmentPlan(programmeId, department));
  }

  /** The department's units and weeks, one per line: the e-mail copy of the programme (PM-2), not a variable. */
  public String itemsText(Long programmeId, String department) {
    return items.findByProgrammeIdAndDepartmentOrderByPlannedWeekAscAssetTagAsc(programmeId, department).stream()
        .map(item -> line(item.assetTag(), item.plannedWeek(), item.description() + " — " + Weeks.label(
            item.plannedWeek())))
        .collect(Collectors.joining());
  }

  public void confirmAvailability(Long programmeId, String department) {
    items.saveAll(items.findByProgrammeIdAndDepartmentOrderByPlannedWeekAscAssetTagAsc(programmeId, department)
        .stream().filter(item -> MaintenanceItem.PLANNED.equals(item.status())).map(MaintenanceItem::confirmed)
        .toList());
  }

  /**
   * Reads a department's request (PM-3), one line per unit or per week: {@code ETIQUETA; semana propuesta; motivo}
   * or {@code semana actual; semana propuesta; motivo} (every unit of the department still to maintain that week).
   * Each unit must be the department's and still to maintain; the proposed week one still ahead, in the semester.
   */
  public List<ReprogramRequest> parseRequests(Long programmeId, String department, String text) {
    Semester semester = semesterOf(programmeId);
    Map<String, MaintenanceItem> own = pendingOf(programmeId, department);
    Lines problems = new Lines();
    List<ReprogramRequest> requests = new ArrayList<>();
    for (Line line : Lines.of(text)) {
      Optional<LocalDate> fromWeek = Weeks.parse(line.field(0));
      String tag = line.field(0).toUpperCase();
      Optional<LocalDate> week = Weeks.parse(line.field(1));
      List<MaintenanceItem> units = fromWeek.isPresent()
          ? own.values().stream().filter(item -> item.plannedWeek().equals(fromWeek.get())).toList()
          : own.containsKey(tag) ? List.of(own.get(tag)) : List.of();
      if (units.isEmpty()) {
        problems.problem(line, fromWeek.isPresent()
            ? "no hay equipos de " + departmentName(department) + " por atender en la " + Weeks.label(fromWeek.get())
                + "."
            : "el equipo «" + line.field(0) + "» no está programado para " + departmentName(department)
                + " o ya se registró su mantenimiento.");
      } else if (week.isEmpty()) {
        problems.problem(line, "escriba la semana propuesta como AAAA-MM-DD.");
      } else if (aheadProblem(semester, week.get()) != null) {
        problems.problem(line, aheadProblem(semester, week.get()));
      } else if (line.rest(2).isEmpty()) {
        problems.problem(line, "indique el motivo de la reprogramación.");
      } else {
        units.forEach(unit -> requests.add(new ReprogramRequest(unit.assetTag(), week.get(), line.rest(2))));
      }
    }
    if (Lines.of(text).isEmpty()) {
      problems.problem("Indique qué equipos reprogramar: ETIQUETA (o semana actual); semana propuesta AAAA-MM-DD; "
          + "motivo.");
    }
    problems.throwIfAny();
    return requests;
  }

  /** Why a unit cannot be moved to that week, or null: only to a week still ahead (not this one), in the semester. */
  private String aheadProblem(Semester semester, LocalDate week) {
    if (!semester.hasWeek(week)) {
      return "la " + Weeks.label(week) + " no es del " + semester.label() + ".";
    }
    if (!week.isAfter(currentWeek())) {
      return "la " + Weeks.label(week) + " ya empezó o pasó: proponga una semana por venir.";
    }
    return null;
  }

  /**
   * The requests as the head of IT's decision starts: each unit with the week the department proposed, the units of
   * a week asked together in one line ({@code semana actual; semana propuesta}).
   */
  public String proposedDecision(Long programmeId, List<ReprogramRequest> requests) {
    Map<String, MaintenanceItem> byTag = new HashMap<>();
    allItems(programmeId).forEach(item -> byTag.put(item.assetTag(), item));
    Map<String, List<ReprogramRequest>> byMove = new LinkedHashMap<>();
    requests.forEach(request -> byMove.computeIfAbsent(byTag.get(request.assetTag()).plannedWeek() + "; "
        + request.proposedWeek(), move -> new ArrayList<>()).add(request));
    StringBuilder text = new StringBuilder();
    byMove.forEach((move, moved) -> {
      if (moved.size() > 1) {
        text.append(move).append('\n');
      } else {
        text.append(moved.get(0).assetTag()).append("; ").append(moved.get(0).proposedWeek()).append('\n');
      }
    });
    return text.toString();
  }

  /**
   * Moves the units as the head of IT decided and records each move in the reprogramming register, with the
   * department's reason and who asked. The decision is one line per unit ({@code ETIQUETA; AAAA-MM-DD}) or per week
   * of the request ({@code semana actual; nueva semana}); only units the department asked about, only into weeks
   * still ahead. A unit can be moved again later; every move stays in the register (DIACO-IN-FO-03).
   *
   * @return the weeks the units left, whose open batches must show their units again
   */
  public Set<LocalDate> reprogram(Long programmeId, String department, String requestText, String decisionText,
      String requestedBy, String recordedBy) {
    Semester semester = semesterOf(programmeId);
    Map<String, ReprogramRequest> requested = parseRequests(programmeId, department, requestText).stream()
        .collect(Collectors.toMap(ReprogramRequest::assetTag, request -> request, (first, second) -> second,
            LinkedHashMap::new));
    Map<String, MaintenanceItem> own = pendingOf(programmeId, department);
    Lines problems = new Lines();
    Map<String, LocalDate> moves = new LinkedHashMap<>();
    for (Line line : Lines.of(decisionText)) {
      Optional<LocalDate> fromWeek = Weeks.parse(line.field(0));
      String tag = line.field(0).toUpperCase();
      Optional<LocalDate> week = Weeks.parse(line.field(1));
      List<String> tags = fromWeek.isPresent()
          ? requested.keySet().stream().filter(asked -> own.get(asked).plannedWeek().equals(fromWeek.get())).toList()
          : requested.containsKey(tag) ? List.of(tag) : List.of();
      if (tags.isEmpty()) {
        problems.problem(line, fromWeek.isPresent()
            ? "el departamento no pidió reprogramar equipos de la " + Weeks.label(fromWeek.get()) + "."
            : "el departamento no pidió reprogramar «" + line.field(0) + "».");
      } else if (week.isEmpty()) {
        problems.problem(line, "escriba la nueva semana como AAAA-MM-DD.");
      } else if (aheadProblem(semester, week.get()) != null) {
        problems.problem(line, aheadProblem(semester, week.get()));
      } else {
        tags.forEach(moved -> moves.put(moved, week.get()));
      }
    }
    if (Lines.of(decisionText).isEmpty()) {
      problems.problem("Indique la nueva semana de cada equipo: ETIQUETA; AAAA-MM-DD.");
    }
    problems.throwIfAny();
    Instant at = now();
    Set<LocalDate> left = new TreeSet<>();
    List<MaintenanceReprogramming> entries = new ArrayList<>();
    List<MaintenanceItem> movedItems = new ArrayList<>();
    moves.forEach((tag, week) -> {
      MaintenanceItem item = own.get(tag);
      if (item.plannedWeek().equals(week)) {
        return;
      }
      entries.add(new MaintenanceReprogramming(null, programmeId, item.id(), tag, department, item.plannedWeek(),
          week, requested.get(tag).reason(), requestedBy, recordedBy, at));
      left.add(item.plannedWeek());
      movedItems.add(item.movedTo(week));
    });
    reprogrammings.saveAll(entries);
    items.saveAll(movedItems);
    return left;
  }

  private Map<String, MaintenanceItem> pendingOf(Long programmeId, String department) {
    Map<String, MaintenanceItem> own = new LinkedHashMap<>();
    items.findByProgrammeIdAndDepartmentOrderByPlannedWeekAscAssetTagAsc(programmeId, department).stream()
        .filter(MaintenanceItem::pending).forEach(item -> own.put(item.assetTag(), item));
    return own;
  }

  /** Whether a week of the semester is still ahead: a department may still ask to move units into it. */
  public boolean hasWeeksAhead(Long programmeId) {
    return semesterOf(programmeId).hasWeek(currentWeek().plusWeeks(1));
  }

  public List<MaintenanceReprogramming> reprogrammings(Long programmeId) {
    return reprogrammings.findByProgrammeIdOrderByRecordedAtAscIdAsc(programmeId);
  }

  // --- execution (PM-5) ---

  /**
   * One batch per department and week, for every week from the first with units still to maintain to the end of the
   * semester: a unit moved during the execution into a week still ahead finds its batch waiting there. A batch whose
   * week comes with no unit ends without a task.
   */
  public List<String> batches(Long programmeId) {
    List<MaintenanceItem> pending = allItems(programmeId).stream().filter(MaintenanceItem::pending).toList();
    if (pending.isEmpty()) {
      return List.of();
    }
    LocalDate first = pending.stream().map(MaintenanceItem::plannedWeek).min(LocalDate::compareTo).orElseThrow();
    Semester semester = semesterOf(programmeId);
    if (currentWeek().isBefore(first)) {
      first = currentWeek();
    }
    // a programme approved before its semester starts waits from the semester's first week
    LocalDate semesterStart = Weeks.mondayOf(semester.firstDay());
    if (!semester.hasWeek(semesterStart)) {
      // 1 January 2028 is a Saturday: the week of 27 December has no work day of the semester
      semesterStart = semesterStart.plusWeeks(1);
    }
    if (first.isBefore(semesterStart)) {
      first = semesterStart;
    }
    List<String> batches = new ArrayList<>();
    for (String department : departments(programmeId)) {
      for (LocalDate week = first; semester.hasWeek(week); week = week.plusWeeks(1)) {
        batches.add(programmeId + ":" + week + ":" + department);
      }
    }
    return batches;
  }

  /** Whether the batch has units still to maintain when its week comes. */
  public boolean hasPendingUnits(String batch) {
    return batchItems(Batch.parse(batch)).stream().anyMatch(MaintenanceItem::pending);
  }

  /** A unit of a batch as the technician's form lists it. */
  public record BatchUnit(String assetTag, String description) {}

  public Object batchUnitsVariable(String batch) {
    return JsonVariables.of(batchItems(Batch.parse(batch)).stream().filter(MaintenanceItem::pending)
        .map(item -> new BatchUnit(item.assetTag(), item.description())).toList());
  }

  /** The batch key of a department's week. */
  public static String batchKey(Long programmeId, LocalDate week, String department) {
    return programmeId + ":" + week + ":" + department;
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

  /**
   * Records the technician's work on a batch: the units listed as not done, with their reasons, count against the
   * indicator; the others are done with the ticked checklist.
   *
   * @return how many units were recorded as done
   */
  public int recordBatch(String batch, Checklist checklist, String notDoneText, String notes, String technician) {
    List<MaintenanceItem> batchItems = batchItems(Batch.parse(batch)).stream().filter(MaintenanceItem::pending)
        .toList();
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

  /**
   * The indicator as the head of IT reads it in the delivery task (Markdown): the figures only, so it stays short
   * whatever the programme's size; the figures per department are {@link #indicatorByDepartment}, the full lists of
   * moves and units not done go in the report to Quality ({@link #indicatorReport}) and the register.
   */
  public String indicatorSummary(Long programmeId) {
    ComplianceIndicator indicator = indicator(programmeId);
    return "**Equipos programados:** " + indicator.programmed() + " · **Con mantenimiento:** "
        + indicator.maintained() + " · **No realizados:** " + indicator.notDone() + "\n\n**Cumplimiento:** "
        + indicator.percentLabel() + " (meta " + indicator.target() + " %: "
        + (indicator.met() ? "alcanzada" : "no alcanzada") + ")\n\n**Reprogramaciones (DIACO-IN-FO-03):** "
        + reprogrammings(programmeId).size() + " · **Equipos reprogramados:** " + indicator.reprogrammed()
        + " · **Señalados como atrasados:** " + indicator.overdue() + "\n";
  }

  /** The indicator of one department. */
  public record DepartmentIndicator(String department, int programmed, int maintained, int notDone,
      int reprogrammed) {}

  public List<DepartmentIndicator> indicatorByDepartment(Long programmeId) {
    Set<Long> moved = reprogrammings(programmeId).stream().map(MaintenanceReprogramming::itemId)
        .collect(Collectors.toSet());
    List<DepartmentIndicator> rows = new ArrayList<>();
    itemsByDepartment(programmeId).forEach((department, units) -> rows.add(new DepartmentIndicator(
        departmentName(department), units.size(),
        (int) units.stream().filter(item -> MaintenanceItem.DONE.equals(item.status())).count(),
        (int) units.stream().filter(item -> MaintenanceItem.NOT_DONE.equals(item.status())).count(),
        (int) units.stream().filter(item -> moved.contains(item.id())).count())));
    return rows;
  }

  public Object indicatorByDepartmentVariable(Long programmeId) {
    return JsonVariables.of(indicatorByDepartment(programmeId));
  }

  /**
   * The report Quality receives by e-mail (plain text, never a variable): the figures, each department, every move
   * of the reprogramming register and every unit not done with its reason (the copy of the executed programme).
   */
  public String indicatorReport(Long programmeId) {
    StringBuilder text = new StringBuilder(indicatorSummary(programmeId).replace("**", ""));
    text.append("\nPor departamento (programados / con mantenimiento / no realizados / reprogramados):\n");
    indicatorByDepartment(programmeId).forEach(row -> text.append("- ").append(row.department()).append(": ")
        .append(row.programmed()).append(" / ").append(row.maintained()).append(" / ").append(row.notDone())
        .append(" / ").append(row.reprogrammed()).append('\n'));
    List<MaintenanceReprogramming> moves = reprogrammings(programmeId);
    text.append("\nReprogramaciones (DIACO-IN-FO-03): ").append(moves.isEmpty() ? "ninguna" : moves.size())
        .append('\n');
    moves.forEach(move -> text.append("- ").append(move.assetTag()).append(" (").append(departmentName(
        move.department())).append("): de la ").append(Weeks.label(move.originalWeek())).append(" a la ")
        .append(Weeks.label(move.newWeek())).append(". Motivo: ").append(move.reason())
        .append(move.requestedBy() == null ? "" : ". Solicitó: " + move.requestedBy()).append('\n'));
    List<MaintenanceItem> notDone = allItems(programmeId).stream()
        .filter(item -> MaintenanceItem.NOT_DONE.equals(item.status())).toList();
    text.append("\nNo realizados: ").append(notDone.isEmpty() ? "ninguno" : notDone.size()).append('\n');
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

  /** The Monday of this week: weeks before it are past, weeks after it still ahead. */
  public LocalDate currentWeek() {
    return Weeks.mondayOf(today());
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
