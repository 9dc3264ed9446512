package org.mesadeayuda.platform;

import java.util.List;

/** A register refused what it was given; our APIs answer it with 400 and every problem ({@link ApiErrors}). */
public class InvalidFieldsException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidFieldsException(List<FieldProblem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
