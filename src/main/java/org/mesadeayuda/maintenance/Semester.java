package org.mesadeayuda.maintenance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A half year, the period of a maintenance programme (PM-1): {@code 2026-S1} is January to June 2026. */
public record Semester(int year, int half) {

  private static final Pattern CODE = Pattern.compile("(\\d{4})-S([12])");

  public Semester {
    if (half != 1 && half != 2) {
      throw new IllegalArgumentException("a semester is 1 or 2: " + half);
    }
  }

  /** The semester of a code such as {@code 2026-S1}, or empty when the text is not one. */
  public static java.util.Optional<Semester> parse(String code) {
    Matcher matcher = code == null ? null : CODE.matcher(code.trim().toUpperCase());
    if (matcher == null || !matcher.matches()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Semester(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
  }

  public static Semester containing(LocalDate day) {
    return new Semester(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
  }

  public String code() {
    return year + "-S" + half;
  }

  public LocalDate firstDay() {
    return LocalDate.of(year, half == 1 ? 1 : 7, 1);
  }

  public LocalDate lastDay() {
    return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
  }

  public String label() {
    return (half == 1 ? "primer semestre de " + year + " (enero a junio)"
        : "segundo semestre de " + year + " (julio a diciembre)");
  }

  /** Whether the week (Monday to Friday) starting on {@code monday} has work days in the semester. */
  public boolean hasWeek(LocalDate monday) {
    return !monday.isAfter(lastDay()) && !monday.plusDays(4).isBefore(firstDay());
  }

  /** The Mondays in the semester on or after {@code notBefore}: the weeks a new plan can use. */
  public List<LocalDate> weeksFrom(LocalDate notBefore) {
    LocalDate start = notBefore.isBefore(firstDay()) ? firstDay() : notBefore;
    LocalDate monday = Weeks.mondayOf(start.plusDays(6));
    List<LocalDate> weeks = new ArrayList<>();
    for (; hasWeek(monday); monday = monday.plusWeeks(1)) {
      weeks.add(monday);
    }
    return weeks;
  }
}
