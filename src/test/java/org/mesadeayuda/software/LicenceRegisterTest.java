package org.mesadeayuda.software;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.platform.AssetRetired;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The licence register on H2, in the application's shared test context. */
@MesaSpringTest
class LicenceRegisterTest extends LicenceRegisterContract {

  @Autowired ApplicationEventPublisher events;

  @Test
  void equipmentLeavingServiceFreesTheSeatsOfItsSoftware() {
    Software office = entry("Suite de oficina", "institutional");
    register.addLicences(office.id(), 1, null, "OC-1");
    register.install("SWI-1", "INV-OLD", office.id(), "1", "tomas", false).orElseThrow();
    assertThat(register.freeSeats(office.id())).isZero();

    events.publishEvent(new AssetRetired("INV-OLD", "Equipo reemplazado por INV-NEW"));

    assertThat(register.freeSeats(office.id())).isEqualTo(1);
    assertThat(installations.findAll()).singleElement()
        .satisfies(installed -> assertThat(installed.removedReason()).isEqualTo("Equipo reemplazado por INV-NEW"));
  }
}
