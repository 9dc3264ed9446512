package org.mesadeayuda.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the licence register guarantees, on H2 and on PostgreSQL (the two subclasses). */
abstract class LicenceRegisterContract {

  @Autowired LicenceRegister register;
  @Autowired SoftwareRepository catalogue;
  @Autowired LicenceRepository licences;
  @Autowired InstallationRepository installations;

  @BeforeEach
  void emptyRegister() {
    installations.deleteAll();
    licences.deleteAll();
    catalogue.deleteAll();
  }

  Software entry(String name, String type) {
    return register.save(new Software(null, name, "Editor", type, false,
        "prohibited".equals(type) ? "Infringe derechos de autor" : null, null));
  }

  @Test
  void aSeatIsTakenWithTheInstallationAndGivenBackWhenRemoved() {
    Software office = entry("Suite de oficina", "institutional");
    Licence licence = register.addLicences(office.id(), 2, null, "OC-2026-15");
    assertThat(register.freeSeats(office.id())).isEqualTo(2);

    Installation installed = register.install("SWI-1", "INV-1", office.id(), "2024", "tomas", false).orElseThrow();
    assertThat(installed.licenceId()).isEqualTo(licence.id());
    assertThat(register.freeSeats(office.id())).isEqualTo(1);

    register.uninstall(installed.id(), "Equipo dado de baja");
    assertThat(register.freeSeats(office.id())).isEqualTo(2);
    assertThat(installations.findInstalledOn("INV-1")).isEmpty();
    // removing twice does not free a seat twice
    register.uninstall(installed.id(), "otra vez");
    assertThat(licences.findById(licence.id()).orElseThrow().seatsUsed()).isZero();
  }

  @Test
  void withoutAFreeSeatNothingIsInstalled() {
    Software office = entry("Suite de oficina", "institutional");
    register.addLicences(office.id(), 1, null, "OC-1");
    assertThat(register.install("SWI-1", "INV-1", office.id(), "1", "tomas", false)).isPresent();
    assertThat(register.install("SWI-2", "INV-2", office.id(), "1", "tomas", false)).isEmpty();
    assertThat(installations.findInstalledOn("INV-2")).isEmpty();
  }

  @Test
  void anExpiredLicenceHasNoFreeSeats() {
    Software cad = entry("Programa de diseño", "subscription");
    register.addLicences(cad.id(), 5, LocalDate.of(2020, 1, 31), "Suscripción vencida");
    assertThat(register.freeSeats(cad.id())).isZero();
    assertThat(register.install("SWI-1", "INV-1", cad.id(), "1", "tomas", false)).isEmpty();
  }

  @Test
  void freeSoftwareNeedsNoSeatAndProhibitedSoftwareIsNeverRecorded() {
    Software browser = entry("Navegador libre", "free");
    Software cracked = entry("Programa pirata", "prohibited");
    assertThat(register.install("SWI-1", "INV-1", browser.id(), "120", "tomas", false).orElseThrow().licenceId())
        .isNull();
    assertThat(register.install("SWI-2", "INV-1", cracked.id(), "1", "tomas", false)).isEmpty();
  }

  @Test
  void theCatalogueRefusesDuplicatesAndUnexplainedProhibitions() {
    entry("Suite de oficina", "institutional");
    assertThatThrownBy(() -> entry("SUITE DE OFICINA", "free"))
        .isInstanceOf(LicenceRegister.InvalidSoftwareException.class).hasMessageContaining("ya existe");
    assertThatThrownBy(() -> register.save(new Software(null, "X", null, "prohibited", false, null, null)))
        .isInstanceOf(LicenceRegister.InvalidSoftwareException.class).hasMessageContaining("prohibido");
  }

  @Test
  void twoApprovalsAtTheSameMomentCannotBothTakeTheLastSeat() throws Exception {
    Software office = entry("Suite de oficina", "institutional");
    Licence licence = register.addLicences(office.id(), 3, null, "OC-3");
    int requests = 8;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<Installation>>> attempts = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        String asset = "INV-" + i;
        Callable<Optional<Installation>> install = () -> {
          start.await();
          return register.install("SWI-" + asset, asset, office.id(), "1", "tomas", false);
        };
        attempts.add(pool.submit(install));
      }
      start.countDown();
      int installed = 0;
      for (Future<Optional<Installation>> attempt : attempts) {
        installed += attempt.get().isPresent() ? 1 : 0;
      }
      assertThat(installed).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
    Licence after = licences.findById(licence.id()).orElseThrow();
    assertThat(after.seatsUsed()).isEqualTo(3);
    assertThat(installations.findInstalled(office.id())).hasSize(3);
  }

  @Test
  void twoCasesReservingTheLastSeatAtOnceGetItOnceAndTheHolderInstallsWithIt() throws Exception {
    Software office = entry("Suite de oficina con reserva", "institutional");
    Licence licence = register.addLicences(office.id(), 1, null, "OC-4");
    int requests = 6;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> attempts = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        String caseNumber = "SWI-2026-00002" + i;
        Callable<Boolean> reserve = () -> {
          start.await();
          return register.reserveSeat(caseNumber, office.id());
        };
        attempts.add(pool.submit(reserve));
      }
      start.countDown();
      int held = 0;
      for (Future<Boolean> attempt : attempts) {
        held += attempt.get() ? 1 : 0;
      }
      assertThat(held).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(register.freeSeats(office.id())).isZero();
    String holder = register.casesHoldingSeats().get(0);
    // an installation without a reservation finds no seat: the held one is not free
    assertThat(register.install("SWI-OTHER", "INV-9", office.id(), "1", "tomas", false)).isEmpty();
    assertThat(register.installWithReservedSeat(holder, "INV-1", office.id(), "1", "tomas")).isPresent();
    assertThat(register.casesHoldingSeats()).isEmpty();
    assertThat(licences.findById(licence.id()).orElseThrow().seatsUsed()).isEqualTo(1);
  }

  @Test
  void aReleasedSeatIsFreeAgain() {
    Software office = entry("Suite liberada", "institutional");
    register.addLicences(office.id(), 1, null, "OC-5");
    assertThat(register.reserveSeat("SWI-2026-000031", office.id())).isTrue();
    assertThat(register.reserveSeat("SWI-2026-000032", office.id())).isFalse();
    register.releaseSeat("SWI-2026-000031");
    assertThat(register.freeSeats(office.id())).isEqualTo(1);
    assertThat(register.reserveSeat("SWI-2026-000032", office.id())).isTrue();
  }
}
