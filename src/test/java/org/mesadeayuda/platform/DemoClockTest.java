package org.mesadeayuda.platform;

import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The demo clock (profile demo only, so not in the shared test context): a move without a time is a 400 naming the
 * field, and the clock stays where it was.
 */
class DemoClockTest {

  MockMvc mvc;

  @BeforeEach
  void setUp() {
    BusinessCalendar calendar = mock(BusinessCalendar.class);
    org.mockito.Mockito.when(calendar.zone()).thenReturn(ZoneId.of("America/Guatemala"));
    // the administrator check passes on a mock; this test is about the body
    mvc = MockMvcBuilders.standaloneSetup(new DemoClock(mock(CurrentUser.class), calendar))
        .setControllerAdvice(new ApiErrors()).build();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aMoveWithoutATimeIs400AndTheClockStays() throws Exception {
    for (String body : new String[] {"{}", "{\"now\": null}"}) {
      mvc.perform(put("/api/demo/clock").contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("now"));
    }
    mvc.perform(put("/api/demo/clock").contentType(MediaType.APPLICATION_JSON).content("{\"now\": \"mañana\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("now"));
    mvc.perform(put("/api/demo/clock").contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest());
    org.assertj.core.api.Assertions.assertThat(Math.abs(ClockUtil.getCurrentTime().getTime()
        - System.currentTimeMillis())).isLessThan(60_000);
  }

  @Test
  void aMoveWithATimeMovesTheClock() throws Exception {
    mvc.perform(put("/api/demo/clock").contentType(MediaType.APPLICATION_JSON)
            .content("{\"now\": \"2027-01-04T09:00\"}"))
        .andExpect(status().isOk());
  }
}
