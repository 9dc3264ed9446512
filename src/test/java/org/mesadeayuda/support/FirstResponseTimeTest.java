package org.mesadeayuda.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mesadeayuda.OfficeTime.at;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.OfficeTime;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.CalendarProperties;

/**
 * SR-9: the 12 hours of the first response (004 actividad 4) are clock hours or business hours as the institution
 * sets (mesa.support.first-response-hours). The due moment computed here is stored with the ticket: the alert timer
 * fires at it and the monthly indicator compares the technician's first response with it.
 */
class FirstResponseTimeTest {

  private final BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties(OfficeTime.ZONE,
      LocalTime.of(8, 0), LocalTime.of(16, 0),
      List.of(new CalendarProperties.Holiday(LocalDate.of(2026, 9, 15), "Día de la Independencia"))));

  @Test
  void clockHoursByDefaultAsTheManualSaysHoursNightsAndWeekendsIncluded() {
    FirstResponseTime time = new FirstResponseTime(calendar, "");
    assertThat(time.basis()).isEqualTo(FirstResponseTime.Basis.CLOCK);
    assertThat(time.due(at("2026-11-09T09:00"), 12)).isEqualTo(at("2026-11-09T21:00"));
    // received on Friday at 15:00: due on Saturday at 03:00
    assertThat(time.due(at("2026-09-11T15:00"), 12)).isEqualTo(at("2026-09-12T03:00"));
    assertThat(new FirstResponseTime(calendar, "clock").due(at("2026-09-11T15:00"), 4))
        .isEqualTo(at("2026-09-11T19:00"));
  }

  @Test
  void businessHoursCountOnlyOfficeHoursOfBusinessDays() {
    FirstResponseTime time = new FirstResponseTime(calendar, "business");
    assertThat(time.basis()).isEqualTo(FirstResponseTime.Basis.BUSINESS);
    // Monday 09:00: 7 hours on Monday (to 16:00), 5 on Tuesday from 08:00
    assertThat(time.due(at("2026-11-09T09:00"), 12)).isEqualTo(at("2026-11-10T13:00"));
    // Friday 11 September 15:00: 1 hour on Friday, weekend and the holiday of Tuesday 15 skipped, 8 on Monday,
    // 3 on Wednesday
    assertThat(time.due(at("2026-09-11T15:00"), 12)).isEqualTo(at("2026-09-16T11:00"));
  }

  @Test
  void anUnknownSettingStopsTheStart() {
    assertThatThrownBy(() -> new FirstResponseTime(calendar, "hábiles"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clock or business");
  }
}
