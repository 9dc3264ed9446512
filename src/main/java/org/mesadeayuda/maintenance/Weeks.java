package org.mesadeayuda.maintenance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** Programmes plan by week; a week is named by its Monday and written as any of its days. */
final class Weeks {

  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/yyyy");
  private static final DateTimeFormatter SPANISH =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es"));

  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("es"));

  private Weeks() {}

  static LocalDate mondayOf(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The Monday of the week a person wrote as {@code 2026-02-11} or {@code 11/2/2026}. */
  static Optional<LocalDate> parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    for (DateTimeFormatter format : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, DAY_MONTH_YEAR}) {
      try {
        return Optional.of(mondayOf(LocalDate.parse(trimmed, format)));
      } catch (DateTimeParseException notThisFormat) {
        // try the next one
      }
    }
    return Optional.empty();
  }

  static String label(LocalDate monday) {
    return "semana del " + SPANISH.format(monday);
  }

  /** A week in a table cell: its Monday as people write it, {@code lun 9 feb 2026}. */
  static String shortLabel(LocalDate monday) {
    return SHORT.format(monday) + " (" + monday + ")";
  }

  static String day(LocalDate day) {
    return SPANISH.format(day);
  }
}
