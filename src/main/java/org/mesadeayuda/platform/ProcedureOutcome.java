package org.mesadeayuda.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The called-procedure contract: a procedure a ticket hands over to (a call activity with the ticket's number) ends
 * leaving its outcome code and one Spanish sentence the requester and the desk read; the ticket maps both out and
 * closes with them. Each procedure sets them from its register in a process-level {@code end} listener, so every end
 * event, present or future, and a cancelled instance leave them.
 */
public final class ProcedureOutcome {

  public static final String OUTCOME = "procedureOutcome";
  public static final String SUMMARY = "procedureSummary";

  public static final String DONE = "done";
  public static final String REFUSED = "refused";
  public static final String CANCELLED = "cancelled";

  /** A summary longer than this is cut: it is a sentence, and it ends up in the ticket's work done. */
  static final int SUMMARY_LIMIT = 1000;

  private ProcedureOutcome() {}

  /** Leaves the outcome on the ending instance; a deleted instance (cancelled) leaves {@link #CANCELLED}. */
  public static void report(DelegateExecution execution, String outcome, String summary) {
    String text = summary == null ? "" : summary.strip();
    if (text.length() > SUMMARY_LIMIT) {
      text = text.substring(0, SUMMARY_LIMIT - 1) + "…";
    }
    execution.setVariable(OUTCOME, outcome);
    execution.setVariable(SUMMARY, text);
  }

  /** Whether the instance ends because someone deleted it (an operator, or its calling ticket was cancelled). */
  public static boolean cancelled(DelegateExecution execution) {
    return execution.isCanceled();
  }
}
