package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.mesadeayuda.platform.FieldProblem;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Signers;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * A ticket whose type has its own procedure (backup, e-mail account, password reset, remote access) carries what that
 * procedure asks, so the requester is asked once and the procedure starts with the ticket's data. The start form's
 * rules (fields shown only for the type) are checked before by {@code StartValidationPlugin}; this check adds what a
 * form cannot say and the called procedure would refuse (BK-2, BK-3, the procedure's shorter description), as the
 * ticket starts: later the refusal would only be an incident nobody tells the requester about.
 *
 * <p>The same check runs when the desk completes its review (SR-3): a ticket the desk reclassifies into such a type
 * must hold that procedure's details, otherwise the review is refused and the desk keeps the type or asks the requester
 * for a new request of that type.
 */
@Component("checkProcedureDetails")
public class CheckProcedureDetails implements ExecutionListener, TaskListener {

  /** EM-2: who may sign a password reset (the same rule as the e-mail procedure, asked here at intake). */
  private final Signers signers;
  /** Which types the institution offers and hands to a procedure of their own (its profile). */
  private final OwnProcedure ownProcedure;

  private final InstitutionProperties institution;

  public CheckProcedureDetails(Signers signers, OwnProcedure ownProcedure, InstitutionProperties institution) {
    this.signers = signers;
    this.ownProcedure = ownProcedure;
    this.institution = institution;
  }

  /** The called procedures keep the description in columns of this size (information, justification). */
  static final int PROCEDURE_DESCRIPTION_LIMIT = 2000;

  /** What each procedure's start form requires, by the ticket start form's labels. */
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put(REQUEST_TYPE, "Tipo de solicitud");
    LABELS.put(DEPARTMENT, "Departamento");
    LABELS.put(DESCRIPTION, "Descripción del problema o requerimiento");
    LABELS.put("informationLocation", "¿Dónde está la información?");
    LABELS.put("locationDetail", "Ubicación exacta");
    LABELS.put("personalComputerResponsibilityAcknowledged", "Responsabilidad sobre la computadora personal");
    LABELS.put("backupKind", "Tipo de respaldo");
    LABELS.put("requestedSchedule", "Programación deseada");
    LABELS.put("requestedMedium", "Medio");
    LABELS.put("position", "Puesto");
    LABELS.put("requestedAccount", "Cuenta o alias solicitado");
    LABELS.put("existingAccount", "Cuenta de correo cuya contraseña se restablece");
    LABELS.put("immediateBoss", "Jefe inmediato");
    LABELS.put("accessKind", "Quién se conecta");
    LABELS.put("purpose", "Propósito de la conexión");
    LABELS.put(ASSET_TAG, "Código de inventario del equipo");
    LABELS.put("areaOffice", "Sede del equipo");
    LABELS.put("externalCompany", "Empresa o institución externa");
    LABELS.put("externalPersonName", "Nombre de la persona que se conecta");
    LABELS.put("externalPersonEmail", "Correo de la persona que se conecta");
    LABELS.put("windowStart", "Inicio de la ventana solicitada");
    LABELS.put("windowEnd", "Fin de la ventana solicitada");
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<FieldProblem> problems = check(execution);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Revise los datos de la solicitud. " + describe(problems), problems);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldProblem> problems = check(task);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Este tipo de solicitud se tramita en su propio procedimiento y la solicitud no "
          + "trae los datos que pide: " + describe(problems) + " Mantenga el tipo o pida al solicitante una nueva "
          + "solicitud de ese tipo.", problems);
    }
  }

  /**
   * The type must be one the institution offers; a type handed to its own procedure there must carry what that
   * procedure asks. Records which procedure, if any, takes the ticket ({@link #OWN_PROCEDURE}).
   */
  private List<FieldProblem> check(VariableScope scope) {
    String type = string(scope, REQUEST_TYPE);
    List<FieldProblem> problems = new ArrayList<>();
    if (type != null && !ownProcedure.offered(type)) {
      problems.add(new FieldProblem(REQUEST_TYPE, "esta institución no atiende solicitudes de ese tipo por la mesa "
          + "de ayuda; elija otro tipo o «Otro» y descríbala"));
      return problems;
    }
    String department = string(scope, DEPARTMENT);
    if (department != null && institution.department(department).isEmpty()) {
      // the institution's departments (its profile), whatever list a form offers
      problems.add(new FieldProblem(DEPARTMENT, "no es un departamento de la institución: "
          + String.join(", ", institution.departments().values().stream()
              .map(InstitutionProperties.Department::name).sorted().toList())));
    }
    String procedure = ownProcedure.of(type);
    if (procedure != null) {
      problems.addAll(problems(scope, type));
      signer(scope, problems);
    }
    // a ticket the desk handles itself (most) carries no such variable: the gateways read it with getVariable, and a
    // variable with nothing in it costs four rows of history per ticket (issue 19); a corrected type clears it
    if (problems.isEmpty() && (procedure != null || scope.hasVariable(OWN_PROCEDURE))) {
      scope.setVariable(OWN_PROCEDURE, procedure);
    }
    return problems;
  }

  private static List<FieldProblem> problems(VariableScope scope, String type) {
    List<FieldProblem> problems = new ArrayList<>();
    if (BACKUP.equals(type)) {
      required(scope, problems, "informationLocation", "locationDetail", "backupKind");
      String kind = string(scope, "backupKind");
      if ("scheduled".equals(kind)) {
        required(scope, problems, "requestedSchedule");
      }
      if ("removable_medium".equals(kind)) {
        required(scope, problems, "requestedMedium");
      }
      if ("personal_computer".equals(string(scope, "informationLocation"))) {
        // BK-3 schedules backups of information on the server only
        if ("scheduled".equals(kind)) {
          problems.add(new FieldProblem("backupKind", "solo se programan respaldos de información del servidor; "
              + "para la información de su computadora pida una copia única o una copia a un medio físico"));
        }
        // BK-2: the information on a personal computer is the user's responsibility, and the request says they know
        if (!ProcessVariables.flag(scope, "personalComputerResponsibilityAcknowledged")) {
          problems.add(new FieldProblem("personalComputerResponsibilityAcknowledged",
              "confirme que sabe que la información de su computadora personal es su responsabilidad"));
        }
      }
    } else if (EMAIL_ACCOUNT.equals(type)) {
      required(scope, problems, "position", "requestedAccount", "immediateBoss");
    } else if (PASSWORD_RESET.equals(type)) {
      required(scope, problems, "existingAccount", "immediateBoss");
    } else if (REMOTE_ACCESS.equals(type)) {
      // RA-2: the work order names the equipment it connects to
      required(scope, problems, "accessKind", "purpose", ASSET_TAG, "areaOffice", "windowStart", "windowEnd");
      if ("external".equals(string(scope, "accessKind"))) {
        required(scope, problems, "externalCompany", "externalPersonName", "externalPersonEmail");
      }
    }
    if (BACKUP.equals(type) || EMAIL_ACCOUNT.equals(type)) {
      String description = string(scope, DESCRIPTION);
      if (description != null && description.length() > PROCEDURE_DESCRIPTION_LIMIT) {
        problems.add(new FieldProblem(DESCRIPTION, "admite hasta " + PROCEDURE_DESCRIPTION_LIMIT
            + " caracteres en una solicitud de este tipo"));
      }
    }
    return problems;
  }

  /**
   * EM-2 (001 §4.4.2): a password reset is signed by the requester's immediate boss, named by user; the e-mail procedure
   * refuses a boss who is no user, heads nobody or is the requester. Checked as the ticket starts, so the requester reads
   * the reason instead of the hand-over failing later.
   */
  private void signer(VariableScope scope, List<FieldProblem> problems) {
    String named = string(scope, "immediateBoss");
    if (!PASSWORD_RESET.equals(string(scope, REQUEST_TYPE)) || named == null) {
      return;
    }
    User boss = signers.user(named).orElse(null);
    String requester = string(scope, REQUESTER) != null ? string(scope, REQUESTER) : string(scope, REGISTERED_BY);
    if (boss == null) {
      problems.add(new FieldProblem("immediateBoss", "«" + named + "» no es un usuario del sistema: indique el usuario "
          + "de su jefe inmediato (por ejemplo, julia.jefa)"));
    } else if (Signers.isSamePerson(boss, requester, string(scope, REQUESTER_EMAIL))) {
      problems.add(new FieldProblem("immediateBoss", "no puede firmar su propio reinicio de contraseña"));
    } else if (!signers.headsPeople(boss.getId())) {
      problems.add(new FieldProblem("immediateBoss", "el jefe inmediato debe ser jefe de departamento, director de "
          + "área o el Director de Tecnología"));
    }
  }

  private static void required(VariableScope scope, List<FieldProblem> problems, String... fields) {
    for (String field : fields) {
      if (scope.getVariable(field) == null || string(scope, field) == null) {
        problems.add(new FieldProblem(field, "es obligatorio"));
      }
    }
  }

  private static String describe(List<FieldProblem> problems) {
    return String.join("; ", problems.stream()
        .map(problem -> LABELS.getOrDefault(problem.field(), problem.field()) + " (" + problem.field() + "): "
            + problem.reason())
        .toList()) + ".";
  }
}
