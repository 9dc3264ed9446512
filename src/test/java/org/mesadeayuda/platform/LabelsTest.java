package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The one place of labels: codes, dates in the office's zone, people (issue 16). */
@MesaSpringTest
class LabelsTest {

  @Autowired Labels labels;
  @Autowired IdentityService identityService;

  @Test
  void aMomentIsWrittenInSpanishInTheOfficeTimeZone() {
    // the provider e-mail said "Thu Dec 03 22:42:06 UTC 2026"; the office (America/Guatemala) read 16:42
    Date moment = Date.from(Instant.parse("2026-12-03T22:42:06Z"));
    assertThat(labels.dateTime(moment)).isEqualTo("jueves 3 de diciembre de 2026, 16:42");
    assertThat(labels.dateTime(moment.toInstant())).isEqualTo("jueves 3 de diciembre de 2026, 16:42");
    // what a form sends: a moment with its offset, or the office's own time without one
    assertThat(labels.dateTime("2026-12-03T16:42:06-06:00")).isEqualTo("jueves 3 de diciembre de 2026, 16:42");
    assertThat(labels.dateTime("2026-12-03T16:42:06")).isEqualTo("jueves 3 de diciembre de 2026, 16:42");
    assertThat(labels.when("2026-12-03")).isEqualTo("jueves 3 de diciembre de 2026");
    assertThat(labels.date(LocalDate.of(2026, 12, 3))).isEqualTo("jueves 3 de diciembre de 2026");
    assertThat(labels.dateTime(null)).isEmpty();
  }

  @Test
  void everyCodeAPersonSeesHasItsSpanishLabel() {
    assertThat(Labels.code("priority", "low")).isEqualTo("Baja");
    assertThat(Labels.code("priority", "critical")).isEqualTo("Crítica");
    assertThat(Labels.code("slaStatus", "conforming")).isEqualTo("Conforme (resuelto dentro del plazo)");
    assertThat(Labels.code("slaStatus", "non_conforming")).isEqualTo("No conforme (plazo vencido)");
    assertThat(Labels.code("slaStatus", "exempt")).isEqualTo("Exento del plazo");
    assertThat(Labels.code("slaStatus", "on_time")).isEqualTo("En plazo");
    assertThat(Labels.code("licenceType", "institutional")).isEqualTo("Licencia institucional");
    assertThat(Labels.code("requestType", "equipment_failure")).isEqualTo("Falla de equipo");
    assertThat(Labels.code("channel", "web")).isEqualTo("Formulario web");
    assertThat(Labels.code("equipmentOutcome", "finance_rejected")).contains("Administración y Finanzas");
    // an unknown code is shown as it is rather than an empty line; nothing is nothing
    assertThat(Labels.code("priority", "urgentísima")).isEqualTo("urgentísima");
    assertThat(Labels.code("priority", null)).isEmpty();
    // every licence type the catalogue accepts has a label
    assertThat(Labels.codes("licenceType")).containsOnlyKeys(org.mesadeayuda.software.Software.LICENCE_TYPES);
  }

  @Test
  void aPersonIsNamedByHerFullName() {
    User user = identityService.newUser("nora.labels");
    user.setFirstName("Nora");
    user.setLastName("Gálvez");
    identityService.saveUser(user);
    try {
      assertThat(labels.person("nora.labels")).isEqualTo("Nora Gálvez");
      assertThat(labels.person("nadie.conocido")).isEqualTo("nadie.conocido");
      assertThat(labels.person(null)).isEmpty();
    } finally {
      identityService.deleteUser("nora.labels");
    }
  }
}
