package org.mesadeayuda.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mesadeayuda.OfficeTime.at;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.OfficeTime;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.CalendarProperties;

/** SR-12: the requester has 2 business days to rate; a plain duration only where configured (demos, cluster test). */
class RatingDeadlineTest {

  private static final ZoneId GUATEMALA = OfficeTime.ZONE;
  private final BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties(GUATEMALA,
      LocalTime.of(8, 0), LocalTime.of(16, 0),
      List.of(new CalendarProperties.Holiday(LocalDate.of(2026, 9, 15), "Día de la Independencia"))));

  @Test
  void byDefaultTwoBusinessDaysSkippingTheWeekendAndHolidaysToTheEndOfTheLastDay() {
    RatingDeadline deadline = new RatingDeadline(calendar, "2");
    // closed on Friday 11 September: Saturday, Sunday and Tuesday 15 do not count; until Wednesday 16 at closing time
    assertThat(deadline.from(at("2026-09-11T10:30"))).isEqualTo(at("2026-09-16T16:00"));
    // closed on Monday 9 November at 09:00: until the end of Wednesday 11 (the office closes at 16:00)
    assertThat(deadline.from(at("2026-11-09T09:00"))).isEqualTo(at("2026-11-11T16:00"));
    // finalized after hours on Monday: the days count from Tuesday's opening
    assertThat(deadline.from(at("2026-11-09T18:00"))).isEqualTo(at("2026-11-12T16:00"));
  }

  @Test
  void anotherNumberOfBusinessDaysIsRespected() {
    assertThat(new RatingDeadline(calendar, " 3 ").from(at("2026-11-09T09:00"))).isEqualTo(at("2026-11-12T16:00"));
  }

  @Test
  void aDurationIsPlainClockTimeEvenAtNightAndOnWeekends() {
    RatingDeadline deadline = new RatingDeadline(calendar, "PT5S");
    assertThat(deadline.from(at("2026-11-14T23:59:58"))).isEqualTo(at("2026-11-15T00:00:03"));
    assertThat(new RatingDeadline(calendar, "PT10M").from(at("2026-11-09T09:00"))).isEqualTo(at("2026-11-09T09:10"));
  }

  @Test
  void anUnreadableOrEmptyLimitIsRefusedAtStart() {
    assertThatThrownBy(() -> new RatingDeadline(calendar, "dos días"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mesa.support.rating-time-limit");
    assertThatThrownBy(() -> new RatingDeadline(calendar, "PT0S"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }
}
