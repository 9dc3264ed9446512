package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mesadeayuda.platform.CompletionGuard;
import org.mesadeayuda.platform.InvalidInputException;

/**
 * Checks, on completion, what the desk, the technician and the requester must state on the support request's own
 * steps (SR-3, SR-9, SR-11, SR-12), so that completing a task through REST cannot skip it. Fields required only for
 * one choice (the reason to send a ticket back, what is missing) are checked here, not by the form alone.
 */
final class DeskAndRequesterInput {

  static final Set<String> YES_NO = Set.of("yes", "no");
  static final Set<String> CONTACT_CHANNELS = Set.of("phone", "email", "in_person", "remote");
  static final Set<String> CLOSING_DECISIONS = Set.of("close", "send_back");
  static final Set<String> SATISFACTION_ANSWERS = Set.of("conforme", "no_conforme");
  static final String REOPENED_BY_DESK = "desk";
  static final String REOPENED_BY_REQUESTER = "requester";

  private DeskAndRequesterInput() {}

  /** SR-3 (002 §3): the desk states whether people and technical resources are available, and what is missing. */
  static void checkReview(DelegateTask task) {
    String available = string(task, RESOURCES_AVAILABLE);
    if (available == null || !YES_NO.contains(available)) {
      throw new InvalidInputException(
          "Indique si hay personal y recursos técnicos disponibles para atender la solicitud.");
    }
    if ("no".equals(available)) {
      require(task, MISSING_RESOURCES, "Indique qué recursos humanos o técnicos faltan para atender la solicitud.");
    }
    String person = completedBy(task);
    if (person != null) {
      task.setVariable(REVIEWED_BY, person);
    }
  }

  /**
   * SR-9: the technician who holds the ticket starts attending; the moment of this completion is the first response.
   */
  static void checkFirstResponse(DelegateTask task, java.util.Date now) {
    String channel = string(task, FIRST_CONTACT_CHANNEL);
    if (channel == null || !CONTACT_CHANNELS.contains(channel)) {
      throw new InvalidInputException(
          "Indique cómo inició la atención con el solicitante: teléfono, correo, en sitio o conexión remota.");
    }
    String holder = holder(task);
    task.setVariable(FIRST_RESPONSE_AT, now);
    task.setVariable(FIRST_RESPONSE_BY, holder);
    keepTechnician(task, holder);
  }

  /** SR-11: "Devolver al técnico" needs the reason the technician will read. */
  static void checkClosing(DelegateTask task) {
    String decision = string(task, CLOSING_DECISION);
    if (decision == null || !CLOSING_DECISIONS.contains(decision)) {
      throw new InvalidInputException("Elija si finaliza el ticket o lo devuelve al técnico.");
    }
    if ("send_back".equals(decision)) {
      require(task, DESK_COMMENT, "Escriba el motivo por el que devuelve el ticket al técnico.");
      task.setVariable(REOPENED_BY, REOPENED_BY_DESK);
      task.setVariable(REOPEN_REASON, string(task, DESK_COMMENT));
    }
  }

  /**
   * SR-11, SR-12: one answer carries both the requester's verification and, when the solution holds, the rating. A
   * "no" needs the reason and sends the ticket back; it carries no rating (the requester rates once it is solved).
   */
  static void checkVerification(DelegateTask task) {
    String verified = string(task, SOLUTION_VERIFIED);
    if (verified == null || !YES_NO.contains(verified)) {
      throw new InvalidInputException("Indique si su problema o requerimiento quedó resuelto.");
    }
    if ("yes".equals(verified)) {
      String satisfaction = string(task, SATISFACTION);
      if (satisfaction == null || !SATISFACTION_ANSWERS.contains(satisfaction)) {
        throw new InvalidInputException("Califique el servicio: conforme o no conforme.");
      }
    } else {
      require(task, VERIFICATION_REASON,
          "Indique qué sigue sin resolverse: el ticket vuelve al técnico con su comentario.");
      task.removeVariable(SATISFACTION);
      task.setVariable(REOPENED_BY, REOPENED_BY_REQUESTER);
      task.setVariable(REOPEN_REASON, string(task, VERIFICATION_REASON));
    }
  }

  /**
   * Whoever holds the technician's task when it is completed holds the ticket (a task reassigned in Tasklist moves
   * the ticket with it): a ticket sent back later goes to that person, not to the first one assigned.
   */
  static void keepCurrentTechnician(DelegateTask task) {
    keepTechnician(task, holder(task));
  }

  private static void keepTechnician(DelegateTask task, String holder) {
    if (holder != null && !holder.equals(string(task, TECHNICIAN))) {
      task.setVariable(TECHNICIAN, holder);
    }
  }

  /** The task's assignee; for a task completed without claiming it, the person who completed it. */
  static String holder(DelegateTask task) {
    return task.getAssignee() != null ? task.getAssignee() : completedBy(task);
  }

  private static String completedBy(DelegateTask task) {
    Object person = task.getVariableLocal(CompletionGuard.COMPLETED_BY);
    return person == null ? null : person.toString();
  }

  private static void require(VariableScope task, String name, String message) {
    if (string(task, name) == null) {
      throw new InvalidInputException(message);
    }
  }
}
