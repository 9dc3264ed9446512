package org.mesadeayuda.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.platform.ProcedureProperties;
import org.mesadeayuda.platform.Procedures;

class OwnProcedureTest {

  @Test
  void withoutAProfileEveryTypeWithAProcedureGoesToIt() {
    OwnProcedure all = new OwnProcedure(new Procedures(new ProcedureProperties(null, null, null)));
    assertThat(all.of("password_reset")).isEqualTo("email-account");
    assertThat(all.of("email_account")).isEqualTo("email-account");
    assertThat(all.of("backup")).isEqualTo("information-backup");
    assertThat(all.of("application_adjustment")).isEqualTo("specialised-request");
    assertThat(all.of("equipment_support")).isNull();
    assertThat(all.offered("telephony")).isTrue();
  }

  @Test
  void aTypeWhoseProcedureTheInstitutionDoesNotRunIsAnOrdinaryTicket() {
    // MINECO (003): only the support request; a password reset is done by its own desk
    OwnProcedure mineco = new OwnProcedure(new Procedures(new ProcedureProperties(List.of("support-request"),
        List.of("equipment_support", "telephony", "system_user_account", "password_reset", "other"), null)));
    assertThat(mineco.of("password_reset")).isNull();
    assertThat(mineco.offered("password_reset")).isTrue();
    assertThat(mineco.offered("backup")).isFalse();
    // DIACO (001): e-mail accounts and resets go to the ministry's service desk through their procedure
    OwnProcedure diaco = new OwnProcedure(new Procedures(new ProcedureProperties(
        List.of("support-request", "email-account"), List.of(), Map.of("support-request", "DTI"))));
    assertThat(diaco.of("password_reset")).isEqualTo("email-account");
    assertThat(diaco.of("remote_access")).isNull();
  }

  @Test
  void aCasePrefixIsTwoToSixCapitalLetters() {
    assertThatThrownBy(() -> new ProcedureProperties(null, null, Map.of("support-request", "sop")))
        .hasMessageContaining("no es un prefijo válido");
    assertThatThrownBy(() -> new ProcedureProperties(null, null, Map.of("support-request", "SOP-1")))
        .hasMessageContaining("no es un prefijo válido");
  }
}
