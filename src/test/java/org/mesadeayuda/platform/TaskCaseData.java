package org.mesadeayuda.platform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the expressions of every user task (assignees, groups, due dates, boundary timers) read from the case, for the
 * tests that open each task of each process on its own ({@link TaskAuthorizationTest}, {@link TaskFormGuardTest}): a
 * new task whose expressions read more case data is added here once, for both.
 */
final class TaskCaseData {

  private TaskCaseData() {}

  /** The case data of any task; {@code people} names the staff member, requester, boss and technician. */
  static Map<String, Object> forEveryTask(String staffMember, String requester, String boss, String technician,
      long programmeId, String batchWeek) {
    Date inAWeek = Date.from(LocalDate.now().plusDays(7).atStartOfDay(ZoneId.systemDefault()).toInstant());
    Map<String, Object> variables = new HashMap<>();
    variables.put("staffMember", staffMember);
    variables.put("requester", requester);
    variables.put("bossUser", boss);
    variables.put("department", "operaciones");
    variables.put("technician", technician);
    variables.put("handlingGroup", Role.TECNICOS.groupId());
    variables.put("taskPriority", 50);
    variables.put("memoPurpose", "repair");
    variables.put("programmeId", programmeId);
    variables.put("batch", programmeId + ":" + batchWeek + ":operaciones");
    for (String due : List.of("runDue", "providerReplyDue", "ministryReplyDue", "reportDueDate", "batchDue",
        "batchStart", "qualityDueDate", "firstResponseDue", "resolutionDue", "definitiveSolutionDue", "windowStart",
        "windowEnd")) {
      variables.put(due, inAWeek);
    }
    // remote access: every end of a session asks whether it was external (RA-6)
    variables.put("accessKind", "internal");
    // specialised-request: the delivery is due at the planned end
    variables.put("plannedEndDue", inAWeek);
    // infrastructure-logbook: the round's areas (one check task each) and its window
    variables.put("roundAreas", "ups,cooling");
    variables.put("roundDue", inAWeek);
    return variables;
  }
}
