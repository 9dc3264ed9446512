package org.mesadeayuda.platform;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who administers the engine and which roles may start which process.
 *
 * @param adminUser id of the administrator account created at first start
 * @param adminPassword its password (environment variable MESA_ADMIN_PASSWORD); when empty a random one is generated
 *     once, at the start that creates the account, and printed in the log
 * @param processStarters process definition key to the groups that may start it from Tasklist or REST
 */
@ConfigurationProperties("mesa.security")
public record SecurityProperties(
    @DefaultValue("admin") String adminUser,
    String adminPassword,
    Map<String, List<String>> processStarters) {

  public SecurityProperties {
    processStarters = processStarters == null ? Map.of() : Map.copyOf(processStarters);
  }
}
