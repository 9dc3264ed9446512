package org.mesadeayuda.documents;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and figures as people write them here: in Spanish, in the office's time zone, decimal comma. */
public final class SpanishText {

  public static final Locale SPANISH = Locale.forLanguageTag("es");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", SPANISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy, HH:mm", SPANISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM 'de' yyyy", SPANISH);
  private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", SPANISH);
  private static final DateTimeFormatter SHEET_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private SpanishText() {}

  /** «4 de diciembre de 2026». */
  public static String date(Instant instant, ZoneId zone) {
    return instant == null ? "" : DATE.format(instant.atZone(zone));
  }

  /** «4 de diciembre de 2026, 09:15». */
  public static String dateTime(Instant instant, ZoneId zone) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  /** «04/12/2026 09:15», for a spreadsheet cell. */
  public static String sheetDateTime(Instant instant, ZoneId zone) {
    return instant == null ? "" : SHEET_DATE_TIME.format(instant.atZone(zone));
  }

  /** «marzo de 2026». */
  public static String month(YearMonth month) {
    return MONTH.format(month);
  }

  /** «mar 2026», for a chart's axis. */
  public static String shortMonth(YearMonth month) {
    return SHORT_MONTH.format(month).replace(".", "");
  }

  /** «75,0 %», or «sin datos» when nothing was measured; rounded half up as the registers' columns. */
  public static String percent(Double value) {
    return value == null ? "sin datos" : number(value, 1) + " %";
  }

  public static String number(double value, int decimals) {
    NumberFormat format = NumberFormat.getNumberInstance(SPANISH);
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    format.setRoundingMode(RoundingMode.HALF_UP);
    format.setGroupingUsed(true);
    return format.format(value);
  }
}
