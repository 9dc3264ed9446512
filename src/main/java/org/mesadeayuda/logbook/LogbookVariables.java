package org.mesadeayuda.logbook;

/** The variables of the infrastructure-logbook process. */
public final class LogbookVariables {

  public static final String PROCESS_KEY = "infrastructure-logbook";
  public static final String ROUND_PREFIX = "BIT";

  // the round
  public static final String ROUND_CODE = "roundCode";
  public static final String ROUND_AREAS = "roundAreas";
  public static final String ROUND_DUE = "roundDue";
  public static final String ROUND_SCHEDULED_LABEL = "roundScheduledLabel";

  // one area's check (local to its instance of the check)
  public static final String AREA = "area";
  public static final String AREA_LABEL = "areaLabel";
  public static final String CHECK_STATUS = "checkStatus";
  public static final String UPS_LOAD_PERCENT = "upsLoadPercent";
  public static final String UPS_BATTERY_PERCENT = "upsBatteryPercent";
  public static final String ROOM_TEMPERATURE = "roomTemperature";
  public static final String OBSERVATIONS = "observations";
  public static final String INCIDENT_DESCRIPTION = "incidentDescription";
  public static final String RECORDED_BY = "recordedBy";

  /** What a person fills in a check; each instance keeps its own, so one area's values never show in another's. */
  static final String[] CHECK_FIELDS = {CHECK_STATUS, UPS_LOAD_PERCENT, UPS_BATTERY_PERCENT, ROOM_TEMPERATURE,
      OBSERVATIONS, INCIDENT_DESCRIPTION, RECORDED_BY};

  private LogbookVariables() {}
}
