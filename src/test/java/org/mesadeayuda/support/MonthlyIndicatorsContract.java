package org.mesadeayuda.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The monthly indicators on H2 and on PostgreSQL (the two subclasses), from rows written as the process writes them. */
abstract class MonthlyIndicatorsContract {

  static final ZoneId GUATEMALA = ZoneId.of("America/Guatemala");
  static final YearMonth MARCH = YearMonth.of(2025, 3);

  @Autowired MonthlyIndicators indicators;
  @Autowired SupportTicketRepository tickets;

  @BeforeEach
  void registerOfMarch() {
    StreamSupport.stream(tickets.findAll().spliterator(), false)
        .filter(ticket -> ticket.getTicketNumber().startsWith("IND-"))
        .forEach(tickets::delete);
    closed("IND-1", "equipment_support", "conforming", "2025-03-04T10:00", "1.00");
    closed("IND-2", "equipment_support", "non_conforming", "2025-03-10T15:00", "4.50");
    // the last minutes of March in Guatemala are already April in UTC: still March
    closed("IND-3", "password_reset", "conforming", "2025-03-31T23:30", "0.50");
    closed("IND-4", "telephony", "exempt", "2025-03-01T00:10", "2.00");
    // the evening of 28 February in Guatemala is already March in UTC: February
    closed("IND-5", "telephony", "conforming", "2025-02-28T20:00", "9.00");
    closed("IND-6", "telephony", "non_conforming", "2025-04-01T00:00", "9.00");
    closed("IND-7", "telephony", "on_time", null, null);
  }

  @Test
  void ticketsClosedInTheMonthPerType() {
    assertThat(indicators.ticketsPerType(MARCH))
        .containsExactly(entry("equipment_support", 2L), entry("password_reset", 1L), entry("telephony", 1L));
  }

  @Test
  void shareOfConformingServiceLeavesExemptTicketsOut() {
    MonthlyIndicators.Conformity march = indicators.conformity(MARCH);
    assertThat(march).isEqualTo(new MonthlyIndicators.Conformity(2, 1, 1));
    assertThat(march.percentConforming().getAsDouble()).isCloseTo(66.67, within(0.01));
  }

  @Test
  void averageResolutionTimeInBusinessDays() {
    assertThat(indicators.averageResolutionBusinessDays(MARCH).getAsDouble()).isCloseTo(2.0, within(0.001));
  }

  @Test
  void aMonthWithoutTicketsHasNoFigures() {
    YearMonth empty = YearMonth.of(2024, 7);
    assertThat(indicators.ticketsPerType(empty)).isEmpty();
    assertThat(indicators.conformity(empty).percentConforming()).isEmpty();
    assertThat(indicators.averageResolutionBusinessDays(empty)).isEmpty();
  }

  private static java.util.Map.Entry<String, Long> entry(String type, Long count) {
    return java.util.Map.entry(type, count);
  }

  private void closed(String number, String type, String slaStatus, String closedAt, String businessDays) {
    SupportTicket ticket = new SupportTicket();
    ticket.setTicketNumber(number);
    ticket.setRequesterName("Ana López");
    ticket.setRequesterEmail("ana.lopez@institucion.gob");
    ticket.setDepartment("operaciones");
    ticket.setChannel("web");
    ticket.setRequestType(type);
    ticket.setDescription("Indicadores de marzo");
    ticket.setImpact("medium");
    ticket.setUrgency("medium");
    ticket.setPriority("medium");
    Instant opened = local("2025-02-20T09:00");
    ticket.setOpenedAt(opened);
    ticket.setFirstResponseDue(opened);
    ticket.setResolutionDue(opened);
    ticket.setSlaStatus(slaStatus);
    if (closedAt != null) {
      ticket.setResolvedAt(local(closedAt));
      ticket.setClosedAt(local(closedAt));
      ticket.setResolutionBusinessDays(new BigDecimal(businessDays));
    }
    tickets.save(ticket);
  }

  private static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(GUATEMALA).toInstant();
  }
}
