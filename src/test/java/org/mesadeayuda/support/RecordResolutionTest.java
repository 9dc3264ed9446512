package org.mesadeayuda.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "indicators decide on exact values" (SR-8): a request solved at its deadline is "servicio conforme", one
 * solved a second after it is "no conforme". The decision compares the instants themselves, with nothing rounded.
 */
class RecordResolutionTest {

  static final Instant DUE = Instant.parse("2026-03-12T22:00:00Z");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void solvedAtTheDeadlineIsConforming() {
    assertThat(resolvedAt(DUE)).isEqualTo("conforming");
  }

  @Test
  void solvedOneSecondAfterTheDeadlineIsNonConforming() {
    assertThat(resolvedAt(DUE.plusSeconds(1))).isEqualTo("non_conforming");
  }

  @Test
  void solvedOneMillisecondAfterTheDeadlineIsNonConforming() {
    assertThat(resolvedAt(DUE.plusMillis(1))).isEqualTo("non_conforming");
  }

  private static String resolvedAt(Instant when) {
    ClockUtil.setCurrentTime(Date.from(when));
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(SupportRequestVariables.TICKET_NUMBER)).thenReturn("SOP-2026-000001");
    when(execution.getVariable(SupportRequestVariables.SLA_STATUS)).thenReturn(SupportRequestVariables.SLA_ON_TIME);
    when(execution.getVariable(SupportRequestVariables.RESOLUTION_DUE)).thenReturn(Date.from(DUE));
    Map<String, Object> written = new HashMap<>();
    TicketRegister register = mock(TicketRegister.class);
    doAnswer(call -> {
      written.putAll(call.<Map<String, Object>>getArgument(1));
      return null;
    }).when(register).set(eq("SOP-2026-000001"), any());

    new RecordResolution(register).execute(execution);

    assertThat(written.get("resolved_at")).isEqualTo(when);
    return (String) written.get("sla_status");
  }
}
