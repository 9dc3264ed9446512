package org.mesadeayuda.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.EmbeddedPostgresServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The backup register on PostgreSQL (the process tests run it on H2): a request through the area director's decision
 * and the copy, a weekly run through its record and the late mark, and both read by period.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class BackupRegisterPostgresTest {

  @Autowired BackupRequestRepository requests;
  @Autowired SecurityRegisterRepository securityRegister;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    EmbeddedPostgresServer.register(properties);
  }

  @BeforeEach
  void setUp() {
    jdbc.sql("DELETE FROM backup_request").update();
    jdbc.sql("DELETE FROM security_register_entry").update();
  }

  @Test
  void aRemovableMediumCopyIsAuthorizedThenRecorded() {
    requests.save(new BackupRequest(null, "RES-2026-000001", "pi-1", "ana.solicitante", "Ana López",
        "ana@institucion.gob", "operaciones", "Contratos", "personal_computer", "INV-0215", "removable_medium", true,
        null, "usb", BackupRequest.REQUESTED, Instant.parse("2026-11-23T15:00:00Z"), null, null, null, null, null,
        null, null, null, null, null, null, null));
    requests.recordDecision("RES-2026-000001", BackupRequest.AUTHORIZED, "andres.area",
        Instant.parse("2026-11-23T16:00:00Z"), true, "external_disk", null);
    requests.recordCopy("RES-2026-000001", "Armario de Tecnología, estante 2", "3 GB", "external_disk", "DISCO-07",
        LocalDate.of(2026, 11, 24), null, "tomas.tecnico", Instant.parse("2026-11-24T17:00:00Z"));

    BackupRequest row = requests.findByCaseNumber("RES-2026-000001").orElseThrow();
    assertThat(row.status()).isEqualTo(BackupRequest.DONE);
    assertThat(row.userResponsibilityInformed()).isTrue();
    assertThat(row.requestedMedium()).isEqualTo("external_disk");
    assertThat(row.dataStaysConfirmed()).isTrue();
    assertThat(row.copiedOn()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(requests.findByRequestedAtGreaterThanEqualAndRequestedAtLessThanOrderByRequestedAtAsc(
        Instant.parse("2026-11-23T06:00:00Z"), Instant.parse("2026-11-24T06:00:00Z"))).hasSize(1);
    assertThat(requests.findByRequestedAtGreaterThanEqualAndRequestedAtLessThanOrderByRequestedAtAsc(
        Instant.parse("2026-11-24T06:00:00Z"), Instant.parse("2026-11-25T06:00:00Z"))).isEmpty();
  }

  @Test
  void aWeeklyRunIsRecordedAndMarkedLate() {
    securityRegister.save(new SecurityRegisterEntry(null, "RS-2026-W49", "pi-2", Instant.parse("2026-12-04T21:00:00Z"),
        Instant.parse("2026-12-11T21:00:00Z"), SecurityRegisterEntry.PENDING, false, null, null, null, null, null,
        null, null, null, null));
    securityRegister.markOverdue("RS-2026-W49");
    securityRegister.recordRun("RS-2026-W49", "failed", true, false, "Correo", "usb", "USB-3",
        "Sin espacio en el medio", null, "tomas.tecnico", Instant.parse("2026-12-12T15:00:00Z"));

    SecurityRegisterEntry entry = securityRegister.findByRunCode("RS-2026-W49").orElseThrow();
    assertThat(entry.status()).isEqualTo("failed");
    assertThat(entry.overdue()).isTrue();
    assertThat(entry.databasesBackedUp()).isTrue();
    assertThat(entry.websiteBackedUp()).isFalse();
    assertThat(entry.failureReason()).isEqualTo("Sin espacio en el medio");
    assertThat(securityRegister.findByScheduledAtGreaterThanEqualAndScheduledAtLessThanOrderByScheduledAtAsc(
        Instant.parse("2026-12-01T06:00:00Z"), Instant.parse("2026-12-08T06:00:00Z"))).hasSize(1);
  }
}
