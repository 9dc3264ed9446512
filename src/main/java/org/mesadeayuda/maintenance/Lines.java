package org.mesadeayuda.maintenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mesadeayuda.platform.InvalidInputException;

/**
 * The lists people type in the maintenance forms: one entry per line, fields separated by semicolons; blank lines
 * and lines starting with {@code #} are ignored. Problems are collected so the person sees all of them at once.
 */
final class Lines {

  record Line(int number, List<String> fields) {

    /** The field at {@code index}, trimmed; empty when the line has fewer fields. */
    String field(int index) {
      return index < fields.size() ? fields.get(index) : "";
    }

    /** The fields from {@code index} on, joined again: free text may itself contain semicolons. */
    String rest(int index) {
      return index < fields.size() ? String.join("; ", fields.subList(index, fields.size())).trim() : "";
    }
  }

  private final List<String> problems = new ArrayList<>();

  static List<Line> of(String text) {
    List<Line> lines = new ArrayList<>();
    if (text == null) {
      return lines;
    }
    String[] raw = text.split("\\R");
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].trim();
      if (!line.isEmpty() && !line.startsWith("#")) {
        lines.add(new Line(i + 1, Arrays.stream(line.split(";")).map(String::trim).toList()));
      }
    }
    return lines;
  }

  void problem(Line line, String message) {
    problems.add("Línea " + line.number() + ": " + message);
  }

  void problem(String message) {
    problems.add(message);
  }

  /** Refuses the form with every problem found, or does nothing when there were none. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(String.join(" · ", problems));
    }
  }
}
