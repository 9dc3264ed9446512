package org.mesadeayuda.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.naming.NamingException;
import javax.naming.ldap.LdapContext;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.identity.impl.ldap.LdapClient;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's LDAP identity provider (users, groups and passwords read from the directory, nothing written) with two
 * additions: the directory's groups mapped to our roles ({@code mesa.ldap.groups}, {@code mesa.ldap.admin-group}),
 * and a bind with the service account when the engine starts, so a wrong password or an unreachable directory stops
 * the start with a clear message instead of failing every later login.
 */
public class DirectoryIdentityPlugin extends LdapIdentityProviderPlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryIdentityPlugin.class);

  private Map<String, String> groups = new LinkedHashMap<>();
  private String adminGroup;
  private GroupMapping mapping;

  public DirectoryIdentityPlugin() {
    // what Active Directory and OpenLDAP both offer; each can be overridden under mesa.ldap (README "Directory login")
    setUserIdAttribute("uid");
    setUserFirstnameAttribute("givenName");
    setUserLastnameAttribute("sn");
    setUserEmailAttribute("mail");
    setGroupIdAttribute("cn");
    setGroupNameAttribute("cn");
    setGroupMemberAttribute("member");
    // the plugin's own authorization checks hid users and groups from people the database identity showed them to;
    // the engine's authorization checks on READ of users and groups still apply as before
    setAuthorizationCheckEnabled(true);
  }

  public Map<String, String> getGroups() {
    return groups;
  }

  public void setGroups(Map<String, String> groups) {
    this.groups = groups == null ? new LinkedHashMap<>() : new LinkedHashMap<>(groups);
  }

  public String getAdminGroup() {
    return adminGroup;
  }

  public void setAdminGroup(String adminGroup) {
    this.adminGroup = adminGroup;
  }

  GroupMapping mapping() {
    if (mapping == null) {
      Map<String, String> all = new LinkedHashMap<>(groups);
      if (adminGroup != null && !adminGroup.isBlank()) {
        all.put(Groups.CAMUNDA_ADMIN, adminGroup);
      }
      mapping = new GroupMapping(all);
    }
    return mapping;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (getServerUrl() == null || getServerUrl().isBlank()) {
      throw new IllegalStateException("Profile ldap: mesa.ldap.server-url (MESA_LDAP_URL) is not set");
    }
    super.preInit(configuration);
    GroupMapping groupMapping = mapping();
    LdapIdentityProviderFactory factory = new LdapIdentityProviderFactory() {
      @Override
      public Session openSession() {
        return new MappedLdapSession(ldapConfiguration, groupMapping);
      }
    };
    factory.setLdapConfiguration(this);
    configuration.setIdentityProviderSessionFactory(factory);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    super.postInit(configuration);
    // before the engine is built: a wrong password leaves no half-started engine behind
    checkBind();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    super.postProcessEngineBuild(processEngine);
    LOG.info("Users and groups are read from the directory {} (roles mapped: {})", getServerUrl(),
        mapping().roleToDirectory());
  }

  /** Binds once with the service account; a failure stops the start. */
  void checkBind() {
    LdapClient client = new LdapClient(this);
    try {
      LdapContext context = client.openContext(getManagerDn(), getManagerPassword());
      try {
        context.close();
      } catch (NamingException ignored) {
        // the bind succeeded, which is all this check is for
      }
    } catch (RuntimeException failure) {
      throw new IllegalStateException("Profile ldap: the directory " + getServerUrl()
          + " refused the service account " + getManagerDn() + " (mesa.ldap.manager-dn, password from "
          + "MESA_LDAP_BIND_PASSWORD): check the account and its password, the address and the TLS certificate. "
          + "Cause: " + rootMessage(failure), failure);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
