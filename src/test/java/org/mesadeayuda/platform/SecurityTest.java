package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@MesaSpringTest
class SecurityTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;

  @Test
  void engineRestApiRequiresCredentials() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // an unknown user (a wrong password for admin would lock admin out for a few seconds: Camunda's login delay)
    assertThat(http.withBasicAuth("nobody", "guess").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> authenticated = http.withBasicAuth(MesaSpringTest.ADMIN, MesaSpringTest.ADMIN_PASSWORD)
        .getForEntity("/engine-rest/task", String.class);
    assertThat(authenticated.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void ownApiRequiresCredentials() {
    assertThat(http.getForEntity("/api/anything", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void authorizationChecksAreOn() {
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
  }

  @Test
  void thereIsNoDemoAccountOutsideTheDemoProfile() {
    assertThat(identityService.createUserQuery().userId("demo").count()).isZero();
    // the demo users the process tests do not name (TestDirectory creates those the tests hand work to)
    assertThat(identityService.createUserQuery().userId("carla.calidad").count()).isZero();
    assertThat(identityService.createUserQuery().userId("fabiola.daf").count()).isZero();
    assertThat(identityService.checkPassword(MesaSpringTest.ADMIN, "admin")).isFalse();
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting(user -> user.getId()).containsExactly(MesaSpringTest.ADMIN);
  }

  @Test
  void everyRoleIsAGroupWithTasklistAccess() {
    for (Role role : Role.values()) {
      assertThat(identityService.createGroupQuery().groupId(role.groupId()).singleResult())
          .as(role.groupId()).isNotNull();
      assertThat(authorizationService.createAuthorizationQuery().groupIdIn(role.groupId())
          .resourceType(Resources.APPLICATION).resourceId("tasklist").hasPermission(Permissions.ACCESS).count())
          .as("tasklist access of " + role.groupId()).isEqualTo(1);
    }
  }

  @Test
  void onlyConfiguredRolesMayStartTheSupportRequest() {
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
        .resourceId("support-request").hasPermission(Permissions.CREATE_INSTANCE).list())
        .extracting(authorization -> authorization.getGroupId())
        .containsExactlyInAnyOrder(Role.SOLICITANTES.groupId(), Role.MESA_AYUDA.groupId());
  }

  @Test
  void tasklistHasTheSpanishFiltersForEveryone() {
    assertThat(filterService.createFilterQuery().list()).extracting(filter -> filter.getName())
        .contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_UNASSIGNED);
  }

  @Test
  void theDeskDispatchesTasksWithoutTheRightToCompleteThem() {
    var desk = authorizationService.createAuthorizationQuery().groupIdIn(Role.MESA_AYUDA.groupId())
        .resourceType(Resources.TASK).resourceId(org.camunda.bpm.engine.authorization.Authorization.ANY).singleResult();
    assertThat(desk.isPermissionGranted(Permissions.TASK_ASSIGN)).isTrue();
    assertThat(desk.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(desk.isPermissionGranted(Permissions.TASK_WORK)).isFalse();
    assertThat(engine.getProcessEngineConfiguration().getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
  }

  @Test
  void tasksOpenedBeforeTheUpgradeLoseUpdate(@Autowired IdentitySetup setup) throws Exception {
    var old = authorizationService.createNewAuthorization(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    old.setGroupId(Role.SOLICITANTES.groupId());
    old.setResource(Resources.TASK);
    old.setResourceId("tarea-anterior-" + System.nanoTime());
    old.addPermission(Permissions.READ);
    old.addPermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(old);

    setup.run(null);

    var narrowed = authorizationService.createAuthorizationQuery().resourceId(old.getResourceId()).singleResult();
    assertThat(narrowed.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(narrowed.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(narrowed.isPermissionGranted(Permissions.READ)).isTrue();
    authorizationService.deleteAuthorization(narrowed.getId());
  }

  @Test
  void setupIsIdempotent(@Autowired IdentitySetup setup) throws Exception {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();
    setup.run(null);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }
}
