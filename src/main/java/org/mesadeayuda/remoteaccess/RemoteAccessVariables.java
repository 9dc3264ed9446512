package org.mesadeayuda.remoteaccess;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.ProcessVariables;

/** The variables of the remote-access process. The identifier itself is never one of them. */
public final class RemoteAccessVariables {

  public static final String PROCESS_KEY = "remote-access";
  public static final String WORK_ORDER_PREFIX = "OT";

  public static final String WORK_ORDER = "workOrder";
  public static final String ACCESS_KIND = "accessKind";
  public static final String PURPOSE = "purpose";
  public static final String PURPOSE_LABEL = "purposeLabel";
  public static final String WORK_DESCRIPTION = "workDescription";
  public static final String ASSET_TAG = "assetTag";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String STAFF_MEMBER = "staffMember";
  public static final String STAFF_MEMBER_NAME = "staffMemberName";
  public static final String STAFF_MEMBER_EMAIL = "staffMemberEmail";
  public static final String TECHNICIAN = "technician";
  public static final String EXTERNAL_COMPANY = "externalCompany";
  public static final String EXTERNAL_PERSON_NAME = "externalPersonName";
  public static final String EXTERNAL_PERSON_EMAIL = "externalPersonEmail";
  public static final String WINDOW_START = "windowStart";
  public static final String WINDOW_END = "windowEnd";
  /** The window in office time and Spanish, for people (the Date variables are for timers). */
  public static final String WINDOW_LABEL = "windowLabel";
  public static final String REFUSAL_REASON = "refusalReason";
  /** The area director's two confirmations before vouching for an external party (000 proc. 6, 1.a), and her vouch. */
  public static final String RELATIONSHIP_VERIFIED = "relationshipVerified";
  public static final String IDENTITY_CONFIRMED = "identityConfirmed";
  public static final String VOUCHED = "vouched";
  /** Who decided, from the authenticated user (RecordAccessDecision). */
  public static final String VOUCHED_BY = "vouchedBy";
  public static final String AUTHORIZED_BY = "authorizedBy";
  public static final String WORK_REPORT = "workReport";
  public static final String REPORT_RECEIVED = "reportReceived";
  public static final String REPORT_WAIVED = "reportWaived";
  public static final String WAIVER_REASON = "waiverReason";
  public static final String SESSION_NOTES = "sessionNotes";
  /** How the session ended (RA-6: every end of an external session asks for the report): closed, expired, revoked. */
  public static final String SESSION_END = "sessionEnd";

  private RemoteAccessVariables() {}

  public static String string(VariableScope scope, String name) {
    return ProcessVariables.string(scope, name);
  }

  /** A window bound as the engine's timers need it: a Date, whether the form sent ISO text or a Date. */
  static Date moment(VariableScope scope, String name, ZoneId zone) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof Date) {
      return (Date) value;
    }
    String text = value.toString().trim();
    try {
      return Date.from(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      return Date.from(LocalDateTime.parse(text).atZone(zone).toInstant());
    }
  }

  static void normalizeWindow(VariableScope scope, ZoneId zone) {
    Date start = moment(scope, WINDOW_START, zone);
    Date end = moment(scope, WINDOW_END, zone);
    scope.setVariable(WINDOW_START, start);
    scope.setVariable(WINDOW_END, end);
    scope.setVariable(WINDOW_LABEL, start == null || end == null ? null
        : "del " + format(start, zone) + " al " + format(end, zone));
  }

  static String format(Date moment, ZoneId zone) {
    return SPANISH.format(moment.toInstant().atZone(zone));
  }

  private static final DateTimeFormatter SPANISH =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy, HH:mm", Locale.forLanguageTag("es"));
}
