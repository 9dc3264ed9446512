package org.mesadeayuda.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code ldap}: users, groups and passwords come from the institution's directory (README "Directory login").
 * Every setting of Camunda's LDAP plugin is a {@code mesa.ldap.*} property ({@code server-url}, {@code manager-dn},
 * {@code user-search-base}, {@code user-id-attribute}, ...), plus the group mapping of {@link DirectoryIdentityPlugin}.
 */
@Configuration
@Profile("ldap")
public class DirectoryConfiguration {

  @Bean
  @ConfigurationProperties("mesa.ldap")
  DirectoryIdentityPlugin directoryIdentityPlugin() {
    return new DirectoryIdentityPlugin();
  }
}
