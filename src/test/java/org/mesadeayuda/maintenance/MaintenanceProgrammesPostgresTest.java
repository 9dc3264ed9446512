package org.mesadeayuda.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.EmbeddedPostgresServer;
import org.mesadeayuda.maintenance.MaintenanceItem.Checklist;
import org.mesadeayuda.platform.BusinessCalendar;
import org.mesadeayuda.platform.CalendarProperties;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maintenance register on PostgreSQL (the process tests run it on H2): the view over the asset register, a
 * programme through reprogramming, execution and closing, with dates, booleans and the decimal indicator.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({MaintenanceProgrammes.class, MaintainableEquipment.class, BusinessCalendar.class})
@EnableConfigurationProperties({CalendarProperties.class, InstitutionProperties.class, MaintenanceProperties.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MaintenanceProgrammesPostgresTest {

  @Autowired MaintenanceProgrammes programmes;
  @Autowired JdbcClient jdbc;
  // the register asks the engine whether a draft's case still runs; no programme here is left by a cancelled case
  @MockitoBean RuntimeService runtime;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    EmbeddedPostgresServer.register(properties);
  }

  @BeforeEach
  void setUp() {
    jdbc.sql("DELETE FROM maintenance_reprogramming").update();
    jdbc.sql("DELETE FROM maintenance_item").update();
    jdbc.sql("DELETE FROM maintenance_programme").update();
    jdbc.sql("DELETE FROM asset WHERE asset_tag LIKE 'MPG-%'").update();
    for (String[] unit : new String[][] {{"MPG-1", "operaciones", "in_service"}, {"MPG-2", "operaciones", "on_loan"},
        {"MPG-3", "juridico", "in_service"}, {"MPG-4", "juridico", "decommissioned"}}) {
      jdbc.sql("INSERT INTO asset (asset_tag, equipment_type, brand, department, ownership, status) "
          + "VALUES (:tag, 'desktop', 'Dell', :department, 'owned', :status)")
          .param("tag", unit[0]).param("department", unit[1]).param("status", unit[2]).update();
    }
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2027-01-04T09:00")
        .atZone(ZoneId.of("America/Guatemala")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aProgrammeRunsFromDraftToIndicatorOnPostgres() {
    MaintenanceProgramme programme = programmes.open(new Semester(2027, 1), null);
    programmes.proposeDraft(programme.id());
    assertThat(programmes.allItems(programme.id())).extracting(MaintenanceItem::assetTag)
        .contains("MPG-1", "MPG-2", "MPG-3").doesNotContain("MPG-4");
    programmes.replaceItems(programme.id(), "MPG-1; 2027-02-03\nMPG-2; 2027-02-01\nMPG-3; 2027-02-08", "jefe.ti");
    assertThat(programmes.departments(programme.id())).containsExactly("juridico", "operaciones");

    programmes.reprogram(programme.id(), "operaciones", "MPG-2; 2027-03-01; en préstamo", "MPG-2; 2027-03-03",
        "julia.jefa", "diego.director");
    assertThat(programmes.reprogrammings(programme.id())).singleElement()
        .satisfies(move -> {
          assertThat(move.originalWeek()).isEqualTo(LocalDate.parse("2027-02-01"));
          assertThat(move.newWeek()).isEqualTo(LocalDate.parse("2027-03-01"));
        });
    // every week of each department from this week (4 January) to the semester's last (28 June): 26 weeks
    assertThat(programmes.batches(programme.id())).hasSize(2 * 26).contains(programme.id() + ":2027-02-01:operaciones",
        programme.id() + ":2027-02-08:juridico", programme.id() + ":2027-03-01:operaciones");

    programmes.recordBatch(programme.id() + ":2027-02-01:operaciones", new Checklist(true, false, false, true, false),
        null, "limpieza", "tomas.tecnico");
    assertThat(programmes.flagOverdue(programme.id() + ":2027-02-08:juridico")).isEqualTo(1);
    programmes.recordBatch(programme.id() + ":2027-02-08:juridico", new Checklist(false, false, false, false, false),
        "MPG-3; sin acceso a la oficina", null, "tomas.tecnico");

    ComplianceIndicator indicator = programmes.close(programme.id());
    assertThat(indicator.programmed()).isEqualTo(3);
    assertThat(indicator.maintained()).isEqualTo(1);
    assertThat(indicator.reprogrammed()).isEqualTo(1);
    assertThat(indicator.overdue()).isEqualTo(1);
    assertThat(indicator.percent()).isEqualByComparingTo("33.3");
    MaintenanceProgramme closed = programmes.programme(programme.id());
    assertThat(closed.compliancePercent()).isEqualByComparingTo(new BigDecimal("33.3"));
    assertThat(closed.status()).isEqualTo(MaintenanceProgramme.CLOSED);
    assertThat(closed.qualityDueAt()).isNotNull();
  }
}
