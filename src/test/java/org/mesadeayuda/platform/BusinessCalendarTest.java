package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId GUATEMALA = ZoneId.of("America/Guatemala");

  private final BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties(GUATEMALA,
      LocalTime.of(8, 0), LocalTime.of(16, 0), List.of(
          new CalendarProperties.Holiday(LocalDate.of(2026, 9, 15), "Día de la Independencia"),
          new CalendarProperties.Holiday(LocalDate.of(2026, 10, 20), "Día de la Revolución"))));

  private static ZonedDateTime at(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), GUATEMALA);
  }

  @Test
  void threeBusinessDaysSkipTheWeekendAndAHoliday() {
    // Friday 11 September: Saturday, Sunday and Tuesday 15 (Independence) do not count
    assertThat(calendar.addBusinessDays(at("2026-09-11T10:30"), 3)).isEqualTo(at("2026-09-17T16:00"));
  }

  @Test
  void aDeadlineInDaysEndsAtTheClosingTimeOfItsLastBusinessDay() {
    // the manuals count such deadlines in whole days: early or late on Monday, three days end on Thursday at closing
    assertThat(calendar.addBusinessDays(at("2026-09-07T08:00"), 3)).isEqualTo(at("2026-09-10T16:00"));
    assertThat(calendar.addBusinessDays(at("2026-09-07T15:59"), 3)).isEqualTo(at("2026-09-10T16:00"));
    // zero days: the end of the day itself
    assertThat(calendar.addBusinessDays(at("2026-09-07T10:00"), 0)).isEqualTo(at("2026-09-07T16:00"));
  }

  @Test
  void theTenthBusinessDayOfAMonthSkipsWeekendsAndHolidays() {
    // September 2026 starts on a Tuesday: 1-4, 7-11, 14 is the tenth (the holiday on the 15th comes after)
    assertThat(calendar.endOfBusinessDay(java.time.YearMonth.of(2026, 9), 10))
        .isEqualTo(Date.from(at("2026-09-14T16:00").toInstant()));
    // October 2026: 1, 2, 5-9, 12-16, 19 are thirteen; Tuesday 20 is a holiday, so the 14th is Wednesday 21
    assertThat(calendar.endOfBusinessDay(java.time.YearMonth.of(2026, 10), 14))
        .isEqualTo(Date.from(at("2026-10-21T16:00").toInstant()));
    // a month starting on a weekend: August 2026 starts on Saturday, its first business day is Monday 3
    assertThat(calendar.endOfBusinessDay(java.time.YearMonth.of(2026, 8), 1))
        .isEqualTo(Date.from(at("2026-08-03T16:00").toInstant()));
  }

  @Test
  void aRequestReceivedOnSaturdayCountsFromMondayOpening() {
    // Saturday 12 September: from Monday 14 at opening; Tuesday 15 is a holiday
    assertThat(calendar.addBusinessDays(at("2026-09-12T09:00"), 3)).isEqualTo(at("2026-09-18T16:00"));
  }

  @Test
  void aRequestReceivedAfterClosingCountsFromTheNextBusinessMorning() {
    // Friday 16 October after 16:00, Monday 19, then Tuesday 20 is a holiday
    assertThat(calendar.addBusinessDays(at("2026-10-16T17:45"), 1)).isEqualTo(at("2026-10-21T16:00"));
  }

  @Test
  void twelveBusinessHoursRunOverTheWeekendAndTheHoliday() {
    // Friday 15:00: one hour on Friday, eight on Monday 14, three on Wednesday 16 (Tuesday 15 is a holiday)
    assertThat(calendar.addBusinessHours(at("2026-09-11T15:00"), 12)).isEqualTo(at("2026-09-16T11:00"));
  }

  @Test
  void businessHoursWithinOneDay() {
    assertThat(calendar.addBusinessHours(at("2026-09-10T08:30"), 4)).isEqualTo(at("2026-09-10T12:30"));
    assertThat(calendar.addBusinessHours(at("2026-09-10T07:00"), 8)).isEqualTo(at("2026-09-10T16:00"));
  }

  @Test
  void workWithJavaUtilDateAsBpmnExpressionsDo() {
    Date friday = Date.from(at("2026-09-11T10:30").toInstant());
    assertThat(calendar.addBusinessDays(friday, 3)).isEqualTo(Date.from(at("2026-09-17T16:00").toInstant()));
  }

  @Test
  void businessDaysBetweenCountsOnlyOfficeTime() {
    Date friday = Date.from(at("2026-09-11T12:00").toInstant());
    Date wednesday = Date.from(at("2026-09-16T12:00").toInstant());
    // Friday 12-16 (0.5) + Monday (1) + Wednesday 8-12 (0.5); the weekend and the holiday do not count
    assertThat(calendar.businessDaysBetween(friday, wednesday)).isEqualTo(2.0);
    assertThat(calendar.businessDaysBetween(wednesday, friday)).isZero();
  }

  @Test
  void knowsItsHolidays() {
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 9, 15))).isFalse();
    assertThat(calendar.holidayName(LocalDate.of(2026, 9, 15))).contains("Día de la Independencia");
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 9, 12))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 9, 14))).isTrue();
  }

  @Test
  void rejectsNegativeAmounts() {
    assertThatThrownBy(() -> calendar.addBusinessDays(at("2026-09-11T10:30"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static BusinessCalendar country(String country, String region, String zone,
      CalendarProperties.Holiday... institutionDays) {
    return new BusinessCalendar(new CalendarProperties(ZoneId.of(zone), LocalTime.of(8, 0), LocalTime.of(16, 0),
        country, region, List.of(institutionDays)));
  }

  private static List<LocalDate> holidays(BusinessCalendar calendar, int year) {
    return calendar.days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
        .filter(day -> !day.businessDay() && day.holiday() != null).map(BusinessCalendar.CalendarDay::date).toList();
  }

  @Test
  void guatemalaKnowsHolyWeekAndItsFixedDaysInAnyYear() {
    BusinessCalendar guatemala = country("gt", "gua", "America/Guatemala");
    // Holy Thursday, Good Friday and Holy Saturday move with Easter (Código de Trabajo, art. 127)
    assertThat(holidays(guatemala, 2026)).contains(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3),
        LocalDate.of(2026, 4, 4));
    assertThat(holidays(guatemala, 2027)).contains(LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 26));
    assertThat(holidays(guatemala, 2030)).contains(LocalDate.of(2030, 4, 18), LocalDate.of(2030, 4, 19));
    // years no one listed by hand
    for (int year : new int[] {2028, 2031, 2035}) {
      assertThat(holidays(guatemala, year)).as("%s", year).contains(LocalDate.of(year, 1, 1), LocalDate.of(year, 5, 1),
          LocalDate.of(year, 6, 30), LocalDate.of(year, 9, 15), LocalDate.of(year, 10, 20), LocalDate.of(year, 11, 1),
          LocalDate.of(year, 12, 25), LocalDate.of(year, 8, 15));
    }
    assertThat(guatemala.holidayName(LocalDate.of(2028, 4, 14))).contains("Viernes Santo");
    assertThat(guatemala.holidayName(LocalDate.of(2028, 9, 15))).contains("Día de la Independencia");
    // 15 August is the capital's day: another region of the country works
    assertThat(country("gt", null, "America/Guatemala").isBusinessDay(LocalDate.of(2028, 8, 15))).isTrue();
    assertThat(guatemala.isBusinessDay(LocalDate.of(2028, 8, 15))).isFalse();
  }

  @Test
  void colombiaMovesItsHolidaysToMonday() {
    BusinessCalendar colombia = country("co", null, "America/Bogota");
    // Epiphany (Tuesday 6 January 2026) and St Joseph (Thursday 19 March 2026) are observed on the next Monday
    assertThat(colombia.isBusinessDay(LocalDate.of(2026, 1, 6))).isTrue();
    assertThat(colombia.holidayName(LocalDate.of(2026, 1, 12))).contains("Día de los Reyes Magos");
    assertThat(colombia.isBusinessDay(LocalDate.of(2026, 3, 19))).isTrue();
    assertThat(colombia.isBusinessDay(LocalDate.of(2026, 3, 23))).isFalse();
    // Holy Week of 2027, Independence and Boyacá
    assertThat(holidays(colombia, 2027)).contains(LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 26),
        LocalDate.of(2027, 7, 20), LocalDate.of(2027, 8, 7));
    // three business days from Friday 20 March 2026 skip the weekend and the moved St Joseph
    assertThat(colombia.addBusinessDays(ZonedDateTime.of(2026, 3, 20, 9, 0, 0, 0, ZoneId.of("America/Bogota")), 3))
        .isEqualTo(ZonedDateTime.of(2026, 3, 26, 16, 0, 0, 0, ZoneId.of("America/Bogota")));
  }

  @Test
  void paraguayKnowsHolyWeekAndItsNationalDays() {
    BusinessCalendar paraguay = country("py", null, "America/Asuncion");
    assertThat(holidays(paraguay, 2026)).contains(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3),
        LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 15), LocalDate.of(2026, 8, 15), LocalDate.of(2026, 12, 8));
    assertThat(holidays(paraguay, 2029)).contains(LocalDate.of(2029, 3, 29), LocalDate.of(2029, 3, 30));
  }

  @Test
  void anAfternoonOnlyHolidayEndsTheBusinessDayAtNoon() {
    BusinessCalendar guatemala = country("gt", "gua", "America/Guatemala",
        new CalendarProperties.Holiday(LocalDate.of(2026, 12, 24), "Nochebuena (desde el mediodía)", true));
    ZoneId zone = ZoneId.of("America/Guatemala");
    assertThat(guatemala.isBusinessDay(LocalDate.of(2026, 12, 24))).isTrue();
    assertThat(guatemala.isHalfDay(LocalDate.of(2026, 12, 24))).isTrue();
    // four office hours from Thursday 24 December 10:00: two that morning, Friday 25 is Christmas, two on Monday 28
    assertThat(guatemala.addBusinessHours(ZonedDateTime.of(2026, 12, 24, 10, 0, 0, 0, zone), 4))
        .isEqualTo(ZonedDateTime.of(2026, 12, 28, 10, 0, 0, 0, zone));
    // a deadline of one day from Wednesday 23 ends at noon on the 24th
    assertThat(guatemala.addBusinessDays(ZonedDateTime.of(2026, 12, 23, 10, 0, 0, 0, zone), 1))
        .isEqualTo(ZonedDateTime.of(2026, 12, 24, 12, 0, 0, 0, zone));
    // a request in the afternoon of the 24th counts from Monday 28
    assertThat(guatemala.nextBusinessMoment(ZonedDateTime.of(2026, 12, 24, 13, 0, 0, 0, zone)))
        .isEqualTo(ZonedDateTime.of(2026, 12, 28, 8, 0, 0, 0, zone));
  }

  @Test
  void aYearlyHalfDayEndsTheBusinessDayAtNoonEveryYear() {
    BusinessCalendar guatemala = country("gt", "gua", "America/Guatemala",
        new CalendarProperties.Holiday(null, "12-24", "Nochebuena (desde el mediodía)", true),
        new CalendarProperties.Holiday(null, "12-31", "Fin de año (desde el mediodía)", true));
    // no list to extend: 2026, 2031 and 2040 alike (weekdays only: a Saturday 24th is no business day anyway)
    for (LocalDate day : List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2031, 12, 24), LocalDate.of(2040, 12, 31))) {
      assertThat(guatemala.isHalfDay(day)).as(day.toString()).isTrue();
      assertThat(guatemala.closingOf(day)).isEqualTo(LocalTime.NOON);
      assertThat(guatemala.holidayName(day)).isPresent();
    }
    assertThat(guatemala.isHalfDay(LocalDate.of(2031, 12, 23))).isFalse();
    assertThatThrownBy(() -> new CalendarProperties.Holiday(null, "24-12", "mal escrito", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CalendarProperties.Holiday(LocalDate.of(2026, 12, 24), "12-24", "las dos", true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLunchBreakIsNotBusinessTime() {
    ZoneId zone = ZoneId.of("America/Bogota");
    BusinessCalendar withLunch = new BusinessCalendar(new CalendarProperties(zone, LocalTime.of(8, 0),
        LocalTime.of(17, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), "co", null, List.of()));
    // four office hours from Monday 2 March 2026 at 10:00: two before lunch, two after it
    assertThat(withLunch.addBusinessHours(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, zone), 4))
        .isEqualTo(ZonedDateTime.of(2026, 3, 2, 15, 0, 0, 0, zone));
    // a request received during lunch counts from 13:00
    assertThat(withLunch.nextBusinessMoment(ZonedDateTime.of(2026, 3, 2, 12, 30, 0, 0, zone)))
        .isEqualTo(ZonedDateTime.of(2026, 3, 2, 13, 0, 0, 0, zone));
    // a whole office day, lunch left out, is one business day
    assertThat(withLunch.businessDaysBetween(Date.from(ZonedDateTime.of(2026, 3, 2, 8, 0, 0, 0, zone).toInstant()),
        Date.from(ZonedDateTime.of(2026, 3, 2, 17, 0, 0, 0, zone).toInstant()))).isEqualTo(1.0);
    assertThat(withLunch.businessDaysBetween(Date.from(ZonedDateTime.of(2026, 3, 2, 12, 0, 0, 0, zone).toInstant()),
        Date.from(ZonedDateTime.of(2026, 3, 2, 13, 0, 0, 0, zone).toInstant()))).isZero();
  }
}
