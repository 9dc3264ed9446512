package org.mesadeayuda.backup;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.ProcessVariables;

/** The variables of the information-backup and data-centre-backup processes, and the choices their forms offer. */
public final class BackupVariables {

  public static final String REQUEST_PROCESS_KEY = "information-backup";
  public static final String RUN_PROCESS_KEY = "data-centre-backup";
  public static final String CASE_PREFIX = "RES";
  public static final String RUN_PREFIX = "RS";

  // the request (start form)
  public static final String CASE_NUMBER = "caseNumber";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String REQUESTER_EMAIL = "requesterEmail";
  public static final String DEPARTMENT = "department";
  public static final String INFORMATION_DESCRIPTION = "informationDescription";
  public static final String INFORMATION_LOCATION = "informationLocation";
  public static final String INFORMATION_LOCATION_LABEL = "informationLocationLabel";
  public static final String LOCATION_DETAIL = "locationDetail";
  public static final String BACKUP_KIND = "backupKind";
  public static final String BACKUP_KIND_LABEL = "backupKindLabel";
  public static final String REQUESTED_SCHEDULE = "requestedSchedule";
  public static final String REQUESTED_MEDIUM = "requestedMedium";
  public static final String RESPONSIBILITY_ACKNOWLEDGED = "personalComputerResponsibilityAcknowledged";
  public static final String USER_RESPONSIBILITY_INFORMED = "userResponsibilityInformed";

  // the area director's authorization (BK-4)
  public static final String COPY_AUTHORIZED = "copyAuthorized";
  public static final String AUTHORIZED_MEDIUM = "authorizedMedium";
  public static final String DATA_STAYS_IN_INSTITUTION = "dataStaysInInstitution";
  public static final String REFUSAL_REASON = "refusalReason";

  // the copy (BK-1, BK-3)
  public static final String STORAGE_LOCATION = "storageLocation";
  public static final String COPY_SIZE = "copySize";
  public static final String COPY_MEDIUM = "copyMedium";
  public static final String MEDIUM_LABEL = "mediumLabel";
  public static final String COPIED_ON = "copiedOn";
  public static final String BACKUP_SCHEDULE = "backupSchedule";

  // the weekly data-centre run (BK-5)
  public static final String RUN_CODE = "runCode";
  public static final String RUN_DUE = "runDue";
  public static final String RUN_SCHEDULED_LABEL = "runScheduledLabel";
  public static final String DATABASES_BACKED_UP = "databasesBackedUp";
  public static final String WEBSITE_BACKED_UP = "websiteBackedUp";
  public static final String OTHER_SYSTEMS = "otherSystems";
  public static final String RUN_MEDIUM = "runMedium";
  public static final String RUN_MEDIUM_LABEL = "runMediumLabel";
  public static final String RUN_RESULT = "runResult";
  public static final String FAILURE_REASON = "failureReason";
  public static final String RUN_NOTES = "runNotes";
  public static final String PERFORMED_BY = "performedBy";

  public static final String ONE_TIME = "one_time";
  public static final String SCHEDULED = "scheduled";
  public static final String REMOVABLE_MEDIUM = "removable_medium";
  public static final String PERSONAL_COMPUTER = "personal_computer";
  public static final String RUN_OK = "ok";
  public static final String RUN_FAILED = "failed";

  static final Map<String, String> LOCATIONS = Map.of(
      "server_folder", "Carpeta en el servidor",
      "database", "Base de datos",
      PERSONAL_COMPUTER, "Computadora personal");

  static final Map<String, String> KINDS = Map.of(
      ONE_TIME, "Copia única por la Dirección de Tecnología",
      SCHEDULED, "Respaldo programado en el servidor",
      REMOVABLE_MEDIUM, "Copia a un medio físico o extraíble");

  static final Map<String, String> MEDIA = Map.of(
      "backup_server", "Servidor de respaldos de la institución",
      "external_disk", "Disco duro externo",
      "usb", "Memoria USB",
      "optical", "CD o DVD");

  /** The media a copy may leave the servers on (BK-4, BK-5): never the backup server itself. */
  static boolean removable(String medium) {
    return known(MEDIA, medium) && !"backup_server".equals(medium);
  }

  static boolean known(Map<String, String> choices, String value) {
    return value != null && choices.containsKey(value);
  }

  /** The Spanish label of a form choice, or null when nothing (or something unknown) was chosen. */
  static String label(Map<String, String> choices, String value) {
    return value == null ? null : choices.get(value);
  }

  private BackupVariables() {}

  public static String string(VariableScope scope, String name) {
    return ProcessVariables.string(scope, name);
  }

  public static boolean flag(VariableScope scope, String name) {
    return ProcessVariables.flag(scope, name);
  }
}
