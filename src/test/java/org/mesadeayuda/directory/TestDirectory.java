package org.mesadeayuda.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * An in-memory directory (UnboundID) loaded with {@code ldap/demo-users.ldif}: the demo users, their passwords
 * {@code Clave-<uid>}, the institution's groups; the application binds as {@link #BIND_DN}.
 */
final class TestDirectory implements AutoCloseable {

  static final String BASE_DN = "dc=mesa,dc=local";
  static final String BIND_DN = "cn=mesa-app,dc=mesa,dc=local";
  static final String BIND_PASSWORD = "bind-secret";
  /** Our roles to the directory's groups, as an institution would configure them. */
  static final Map<String, String> GROUPS = Map.of(
      "solicitantes", "Personal",
      "mesa-ayuda", "Mesa-Ayuda",
      "tecnicos", "CN=Soporte-TI,OU=grupos,DC=mesa,DC=local",
      "director-ti", "Direccion-TI",
      "daf", "DAF",
      "directores-area", "Directores-Area",
      "jefes-proceso", "Jefes-Departamento",
      "calidad", "Calidad");
  static final String ADMIN_GROUP = "cn=Mesa-Administradores,ou=grupos,dc=mesa,dc=local";

  final InMemoryDirectoryServer server;
  private final boolean secure;

  TestDirectory(int port) throws Exception {
    this(InMemoryListenerConfig.createLDAPConfig("ldap", port));
  }

  /** A directory that only speaks LDAPS, with the certificate of the key store (PKCS12, alias {@code ldap}). */
  static TestDirectory ldaps(Path keyStore, char[] password) throws Exception {
    SSLUtil server = new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), password, "PKCS12", "ldap"), null);
    return new TestDirectory(InMemoryListenerConfig.createLDAPSConfig("ldaps", null, 0,
        server.createSSLServerSocketFactory(), null));
  }

  private TestDirectory(InMemoryListenerConfig listener) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
    config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
    config.setListenerConfigs(listener);
    secure = listener.getListenerName().equals("ldaps");
    config.setSchema(null);
    server = new InMemoryDirectoryServer(config);
    try (InputStream ldif = TestDirectory.class.getResourceAsStream("/ldap/demo-users.ldif")) {
      server.importFromLDIF(true, new LDIFReader(ldif));
    }
    server.startListening();
  }

  static String password(String userId) {
    return "Clave-" + userId;
  }

  String url() {
    return (secure ? "ldaps" : "ldap") + "://127.0.0.1:" + server.getListenPort();
  }

  void remove(String userId) throws LDAPException {
    server.delete("uid=" + userId + ",ou=personas," + BASE_DN);
  }

  DirectoryIdentityPlugin plugin(String bindPassword) {
    DirectoryIdentityPlugin plugin = new DirectoryIdentityPlugin();
    plugin.setServerUrl(url());
    plugin.setUseSsl(false);
    plugin.setManagerDn(BIND_DN);
    plugin.setManagerPassword(bindPassword);
    plugin.setBaseDn(BASE_DN);
    plugin.setUserSearchBase("ou=personas");
    plugin.setUserSearchFilter("(objectClass=person)");
    plugin.setGroupSearchBase("ou=grupos");
    plugin.setGroupSearchFilter("(objectClass=groupOfNames)");
    plugin.setGroups(GROUPS);
    plugin.setAdminGroup(ADMIN_GROUP);
    return plugin;
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
