package org.mesadeayuda.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Case numbers are the application's: a business key sent by whoever starts the case (Tasklist's start dialog offers
 * the field, the REST API accepts one) is replaced by a fresh number, so nobody can give a case the number of another
 * one. Only a case started by another process (call activity) keeps its caller's number, as it is the same case.
 */
public final class BusinessKeys {

  private BusinessKeys() {}

  /**
   * Sets and returns the case number of the instance {@code execution} starts: {@code prefix} is the application's,
   * replaced by the institution's own when its profile names one.
   */
  public static String assign(DelegateExecution execution, TicketNumbers numbers, String prefix) {
    String inherited = execution.getSuperExecution() == null ? null : execution.getProcessBusinessKey();
    String number = inherited == null || inherited.isBlank() ? numbers.next(execution, prefix) : inherited;
    execution.setProcessBusinessKey(number);
    return number;
  }
}
