package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Issue 13: ten wrong passwords for {@code admin} locked it for good. Wrong passwords now only delay the next try
 * (at most a minute), and a restart unlocks the administrator. The clock is moved, never slept.
 */
@MesaSpringTest
class LoginLockoutTest {

  static final String STAFF = "bloqueo.funcionaria";
  static final String PASSWORD = "Clave-de-prueba-9";
  static final long LONGEST_DELAY_MS = 60_000;

  @Autowired IdentityService identityService;
  @Autowired IdentitySetup identitySetup;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.unlockUser(STAFF);
    identityService.unlockUser(MesaSpringTest.ADMIN);
  }

  @Test
  void manyWrongPasswordsSlowTheAttackerButNeverLockTheAccountForGood() {
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
    ClockUtil.setCurrentTime(new Date());
    for (int attempt = 1; attempt <= 30; attempt++) {
      assertThat(identityService.checkPassword(STAFF, "adivinanza-" + attempt)).isFalse();
      // the attacker waits out each delay, so every guess counts
      later(LONGEST_DELAY_MS + 1_000);
    }
    assertThat(identityService.checkPassword(STAFF, "adivinanza-31")).isFalse();

    // right after a wrong guess even the right password waits: that is what slows the attacker down
    assertThat(identityService.checkPassword(STAFF, PASSWORD)).isFalse();
    later(LONGEST_DELAY_MS + 1_000);
    assertThat(identityService.checkPassword(STAFF, PASSWORD)).isTrue();
    // and the right password resets the count: the next mistake costs only the first, short delay
    assertThat(identityService.checkPassword(STAFF, "otra-adivinanza")).isFalse();
    later(3_000 + 500);
    assertThat(identityService.checkPassword(STAFF, PASSWORD)).isTrue();
  }

  @Test
  void theFirstMistakesCostSecondsNotMinutes() {
    TestUsers.create(identityService, STAFF, "solicitantes", PASSWORD);
    ClockUtil.setCurrentTime(new Date());
    assertThat(identityService.checkPassword(STAFF, "me-equivoque")).isFalse();
    later(3_500);
    assertThat(identityService.checkPassword(STAFF, PASSWORD)).isTrue();
  }

  @Test
  void aRestartUnlocksTheAdministratorAtOnce() {
    ClockUtil.setCurrentTime(new Date());
    for (int attempt = 1; attempt <= 12; attempt++) {
      assertThat(http.withBasicAuth(MesaSpringTest.ADMIN, "adivinanza-" + attempt)
          .getForEntity("/engine-rest/user/count", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      later(LONGEST_DELAY_MS + 1_000);
    }
    assertThat(identityService.checkPassword(MesaSpringTest.ADMIN, "adivinanza-13")).isFalse();
    assertThat(identityService.checkPassword(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD)).isFalse();

    identitySetup.run(null);

    assertThat(http.withBasicAuth(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD)
        .getForEntity("/engine-rest/user/count", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private static void later(long milliseconds) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + milliseconds));
  }
}
