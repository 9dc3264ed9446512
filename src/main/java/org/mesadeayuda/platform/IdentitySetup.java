package org.mesadeayuda.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's identity match the manuals' roles at every start: one group per {@link Role}, what each may do,
 * and the administrator (the Tasklist filters: {@link TasklistFilters}). Only adds what is missing, so changes made
 * later in Camunda Admin are kept; in particular the administrator's password is set only when the account is first
 * created.
 */
@Component
@Order(0)
public class IdentitySetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  /**
   * The connection-checking system: the service account of the remote-access tool, which asks whether an identifier
   * opens a work order (POST /api/remote-access/verify) for the external people who have no account here. Not a role
   * of the manuals: no Tasklist, no tasks; only the administrator puts an account in it.
   */
  public static final String CONNECTION_CHECKERS = "control-conexiones";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final SecurityProperties properties;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      SecurityProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    createAdministrator();
    createGroup(CONNECTION_CHECKERS, "Control de conexiones remotas (sistema)", Groups.GROUP_TYPE_SYSTEM);
    for (Role role : Role.values()) {
      createGroup(role.groupId(), role.displayName());
      grant(role.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    for (Role supervisor : Role.SUPERVISORS) {
      String group = supervisor.groupId();
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY, Permissions.READ_TASK);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(group, Resources.TASK, ANY, Permissions.READ);
    }
    // the desk dispatches the work: it may (re)assign any task (SR-3, SR-4) but decides only its own tasks; UPDATE,
    // granted here before issue 13, let it complete anybody's task and is taken back (TaskAuthorizations)
    grant(Role.MESA_AYUDA.groupId(), Resources.TASK, ANY, Permissions.READ, Permissions.TASK_ASSIGN);
    revoke(Role.MESA_AYUDA.groupId(), Resources.TASK, ANY, Permissions.UPDATE);
    narrowOpenTaskGrants();
    // the operators retry a failed job (a mail server that was down) from the incident in Cockpit
    for (Role operator : Role.OPERATORS) {
      grant(operator.groupId(), Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.RETRY_JOB);
      grant(operator.groupId(), Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.RETRY_JOB);
      grant(operator.groupId(), Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES);
    }
    properties.processStarters().forEach(this::allowToStart);
  }

  private void createAdministrator() {
    String adminId = properties.adminUser();
    createGroup(Groups.CAMUNDA_ADMIN, "Administradores de Camunda");
    for (Resources resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    if (identityService.isReadOnly()) {
      // directory login (profile ldap): the administrators are the members of mesa.ldap.admin-group
      if (identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
        LOG.warn("Nobody in the directory administers the application: set mesa.ldap.admin-group (MESA_LDAP_ADMIN_GROUP)"
            + " to a directory group with members");
      }
      return;
    }
    if (identityService.createUserQuery().userId(adminId).count() > 0) {
      // recovery without touching the database: a restart lifts a lock left by wrong passwords
      identityService.unlockUser(adminId);
      return;
    }
    String password = properties.adminPassword();
    boolean generated = password == null || password.isBlank();
    if (generated) {
      password = randomPassword();
    }
    User admin = identityService.newUser(adminId);
    admin.setFirstName("Administrador");
    admin.setLastName("Mesa de Ayuda");
    admin.setPassword(password);
    identityService.saveUser(admin);
    identityService.createMembership(adminId, Groups.CAMUNDA_ADMIN);
    if (generated) {
      LOG.warn("""

          ===================================================================
           Administrator account created: user '{}', password '{}'
           It is shown only this once. Set MESA_ADMIN_PASSWORD to choose it.
          ===================================================================""", adminId, password);
    } else {
      LOG.info("Administrator account '{}' created with the password from MESA_ADMIN_PASSWORD", adminId);
    }
  }

  private void allowToStart(String processKey, List<String> groups) {
    for (String group : groups) {
      if (Role.byGroupId(group).isEmpty()) {
        throw new IllegalStateException(
            "mesa.security.process-starters." + processKey + " names an unknown role: " + group);
      }
      grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
  }

  private void createGroup(String groupId, String name) {
    createGroup(groupId, name, Groups.GROUP_TYPE_WORKFLOW);
  }

  private void createGroup(String groupId, String name, String type) {
    if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
      return;
    }
    if (identityService.isReadOnly()) {
      // the directory's groups are the directory's to create; the role still gets its permissions below
      LOG.warn("The directory has no group for '{}' ({}): map one with mesa.ldap.groups.{}", groupId, name, groupId);
      return;
    }
    Group group = identityService.newGroup(groupId);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = groupGrant(groupId, resource, resourceId);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (List.of(permissions).stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  /**
   * Tasks created before issue 13 gave their assignee and candidate groups UPDATE (complete, and change any variable):
   * from now on they get TASK_WORK (complete, claim) only, as new tasks do (TaskAuthorizations).
   */
  private void narrowOpenTaskGrants() {
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).list()) {
      if (ANY.equals(authorization.getResourceId())) {
        continue;
      }
      authorization.removePermission(Permissions.UPDATE);
      authorization.addPermission(Permissions.TASK_WORK);
      authorizationService.saveAuthorization(authorization);
    }
  }

  /** The group's grant on one resource, or null: Camunda keeps one GRANT row per group, resource type and id. */
  private Authorization groupGrant(String groupId, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  private void revoke(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = groupGrant(groupId, resource, resourceId);
    if (authorization != null && authorization.isPermissionGranted(permission)) {
      authorization.removePermission(permission);
      authorizationService.saveAuthorization(authorization);
    }
  }

  static String randomPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
