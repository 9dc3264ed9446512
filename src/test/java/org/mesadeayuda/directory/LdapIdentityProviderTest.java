package org.mesadeayuda.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesadeayuda.platform.IdentitySetup;
import org.mesadeayuda.platform.Role;
import org.mesadeayuda.platform.SecurityProperties;

/**
 * Camunda's LDAP plugin 7.23.0 on our 7.24 engine (a plain engine, no Spring), against an in-memory directory of the
 * demo users: the directory's groups read as our roles, passwords checked by the directory, a removed user gone, and a
 * wrong service-account password stopping the start.
 */
class LdapIdentityProviderTest {

  static TestDirectory directory;
  static ProcessEngine engine;
  static IdentityService identity;

  @BeforeAll
  static void start() throws Exception {
    directory = new TestDirectory(0);
    engine = engine(directory.plugin(TestDirectory.BIND_PASSWORD));
    identity = engine.getIdentityService();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
    directory.close();
  }

  static ProcessEngine engine(DirectoryIdentityPlugin plugin) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("ldap-" + UUID.randomUUID());
    configuration.setJdbcUrl("jdbc:h2:mem:" + configuration.getProcessEngineName() + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.getProcessEnginePlugins().add(plugin);
    return configuration.buildProcessEngine();
  }

  @Test
  void theIdentityIsReadOnly() {
    assertThat(identity.isReadOnly()).isTrue();
  }

  @Test
  void usersComeFromTheDirectoryWithNamesAndEmail() {
    User tomas = identity.createUserQuery().userId("tomas.tecnico").singleResult();
    assertThat(tomas.getFirstName()).isEqualTo("Tomás");
    assertThat(tomas.getLastName()).isEqualTo("Técnico");
    assertThat(tomas.getEmail()).isEqualTo("tomas.tecnico@mesa.local");
    assertThat(identity.checkPassword("tomas.tecnico", TestDirectory.password("tomas.tecnico"))).isTrue();
    assertThat(identity.checkPassword("tomas.tecnico", "wrong")).isFalse();
  }

  @Test
  void directoryGroupsReadAsOurRoles() {
    assertThat(identity.createGroupQuery().groupMember("tomas.tecnico").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("tecnicos", "solicitantes");
    assertThat(identity.createGroupQuery().groupId("tecnicos").singleResult().getName()).isEqualTo("Soporte-TI");
    assertThat(identity.createGroupQuery().groupIdIn("mesa-ayuda", "calidad").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("mesa-ayuda", "calidad");
    // pickers and checks ask for the members of a role (Signers, RecordPlan, technician choices)
    assertThat(identity.createUserQuery().memberOfGroup("tecnicos").list()).extracting(User::getId)
        .containsExactly("tomas.tecnico");
    assertThat(identity.createUserQuery().userId("tomas.tecnico").memberOfGroup("tecnicos").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId("ana.solicitante").memberOfGroup("tecnicos").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup("solicitantes").count()).isEqualTo(8);
  }

  @Test
  void theAdministratorGroupIsCamundaAdmin() {
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()).extracting(User::getId)
        .containsExactly("admin.ti");
    assertThat(identity.createGroupQuery().groupMember("admin.ti").list()).extracting(Group::getId)
        .containsExactly(Groups.CAMUNDA_ADMIN);
  }

  @Test
  void identitySetupGrantsTheRolesWithoutCreatingUsersOrGroups() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    new IdentitySetup(identity, authorizations,
        new SecurityProperties("admin", "unused", Map.of("support-request", List.of("solicitantes", "mesa-ayuda"))))
        .run(null);
    assertThat(identity.createUserQuery().userId("admin").count()).isZero();
    for (Role role : Role.values()) {
      assertThat(authorizations.createAuthorizationQuery().groupIdIn(role.groupId())
          .resourceType(Resources.APPLICATION).resourceId("tasklist").hasPermission(Permissions.ACCESS).count())
          .as(role.groupId()).isEqualTo(1);
    }
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
        .resourceType(Resources.AUTHORIZATION).hasPermission(Permissions.ALL).count()).isEqualTo(1);
  }

  @Test
  void aUserRemovedFromTheDirectoryIsGone() throws Exception {
    assertThat(identity.checkPassword("carla.calidad", TestDirectory.password("carla.calidad"))).isTrue();
    directory.remove("carla.calidad");
    assertThat(identity.checkPassword("carla.calidad", TestDirectory.password("carla.calidad"))).isFalse();
    assertThat(identity.createUserQuery().userId("carla.calidad").count()).isZero();
  }

  @Test
  void aWrongBindPasswordStopsTheStartWithAClearMessage() {
    assertThatThrownBy(() -> engine(directory.plugin("not-the-password")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused the service account " + TestDirectory.BIND_DN)
        .hasMessageContaining("MESA_LDAP_BIND_PASSWORD")
        .hasMessageContaining("error code 49");
  }

  @Test
  void ldapsWithATrustedCertificateWorksAndAnUntrustedOneStopsTheStart(@TempDir Path folder) throws Exception {
    Path keyStore = folder.resolve("ldap.p12");
    char[] password = "clave-del-almacen".toCharArray();
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "ldap", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", new String(password), "-keypass", new String(password))
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keyStore)) {
      trusted.load(in, password);
    }
    try (TestDirectory secure = TestDirectory.ldaps(keyStore, password)) {
      assertThat(secure.url()).startsWith("ldaps://");
      // the JVM's trust store does not know the directory's certificate: the start stops and names the certificate
      // among the causes (the TLS layer reports the refused handshake either as the certification path or as the
      // connection it closed, depending on timing: seen both on CI)
      DirectoryIdentityPlugin untrusted = secure.plugin(TestDirectory.BIND_PASSWORD);
      untrusted.setUseSsl(true);
      assertThatThrownBy(() -> engine(untrusted)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("refused the service account").hasMessageContaining("the TLS certificate");

      TestTrustSocketFactory.trusted = trusted;
      DirectoryIdentityPlugin plugin = secure.plugin(TestDirectory.BIND_PASSWORD);
      plugin.setUseSsl(true);
      plugin.setContextProperties(Map.of("java.naming.ldap.factory.socket", TestTrustSocketFactory.class.getName()));
      ProcessEngine overTls = engine(plugin);
      try {
        assertThat(overTls.getIdentityService().checkPassword("marta.mesa", TestDirectory.password("marta.mesa")))
            .isTrue();
        assertThat(overTls.getIdentityService().createGroupQuery().groupMember("marta.mesa").list())
            .extracting(Group::getId).contains("mesa-ayuda");
      } finally {
        overTls.close();
      }
    }
  }

  @Test
  void mappingOnlyAcceptsTheApplicationsGroups() {
    assertThatThrownBy(() -> new GroupMapping(Map.of("tecnico", "Soporte-TI")))
        .hasMessageContaining("mesa.ldap.groups.tecnico");
    assertThat(GroupMapping.directoryGroupId("CN=Soporte-TI,OU=Grupos,DC=x")).isEqualTo("Soporte-TI");
  }
}
