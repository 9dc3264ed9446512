package org.mesadeayuda.platform;

/** A refused value: the field (or null for the whole request) and why, in Spanish for the person who typed it. */
public record FieldProblem(String field, String reason) {

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
