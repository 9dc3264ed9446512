package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

@MesaSpringTest
class TicketNumbersTest {

  @Autowired TicketNumbers ticketNumbers;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void numbersFollowTheHouseFormatAndIncrease() {
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2031-03-10T15:00:00Z")));
    String first = ticketNumbers.next("TST");
    String second = ticketNumbers.next("TST");
    assertThat(first).isEqualTo("TST-2031-000001");
    assertThat(second).isEqualTo("TST-2031-000002");
  }

  @Test
  void eachYearStartsItsOwnCounter() {
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2032-12-31T12:00:00Z")));
    assertThat(ticketNumbers.next("YR")).isEqualTo("YR-2032-000001");
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2033-01-02T15:00:00Z")));
    assertThat(ticketNumbers.next("YR")).isEqualTo("YR-2033-000001");
  }

  @Test
  void concurrentCallersNeverGetTheSameNumber() throws Exception {
    List<String> numbers = TicketNumbersContract.drawConcurrently(ticketNumbers, "CON", 8, 40);
    TicketNumbersContract.assertUniqueAndGapless(numbers, 8 * 40);
  }
}
