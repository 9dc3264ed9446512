package org.mesadeayuda.directory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.mesadeayuda.operations.OperationsConfiguration;
import org.mesadeayuda.platform.IdentitySetup;
import org.mesadeayuda.platform.Role;

/**
 * Our role ids ({@code tecnicos}) against the directory's group ids ({@code Soporte-TI}): the processes, candidate
 * groups and authorizations keep naming roles, the directory keeps its own group names. A directory group that is not
 * mapped keeps its own id (it is visible, but no task or permission names it). Comparison with the directory's ids
 * ignores case, as Active Directory and OpenLDAP do for {@code cn}.
 */
public final class GroupMapping {

  /** The application's own groups that may be mapped: the roles, the administrators, the connection checkers and
   * the monitoring account's group. */
  public static final Set<String> APPLICATION_GROUPS = Arrays.stream(Role.values()).map(Role::groupId)
      .collect(Collectors.toCollection(() -> new java.util.LinkedHashSet<>(Set.of(Groups.CAMUNDA_ADMIN,
          IdentitySetup.CONNECTION_CHECKERS, OperationsConfiguration.MONITORING_GROUP))));

  private final Map<String, String> toDirectory = new LinkedHashMap<>();
  private final Map<String, String> fromDirectory = new HashMap<>();

  /**
   * @param roleToDirectoryGroup our group id to the directory group: its id (the value of the group id attribute,
   *     e.g. {@code Soporte-TI}) or its DN ({@code CN=Soporte-TI,OU=Grupos,DC=...}), whose first value is taken
   */
  public GroupMapping(Map<String, String> roleToDirectoryGroup) {
    roleToDirectoryGroup.forEach((role, directoryGroup) -> {
      if (!APPLICATION_GROUPS.contains(role)) {
        throw new IllegalStateException("mesa.ldap.groups." + role + " is not one of the application's groups "
            + APPLICATION_GROUPS);
      }
      if (directoryGroup == null || directoryGroup.isBlank()) {
        return;
      }
      String id = directoryGroupId(directoryGroup);
      String previous = fromDirectory.put(id.toLowerCase(Locale.ROOT), role);
      if (previous != null) {
        throw new IllegalStateException("The directory group " + id + " is mapped twice, to " + previous + " and to "
            + role + " (mesa.ldap.groups): give each role its own directory group");
      }
      toDirectory.put(role, id);
    });
  }

  /** The first attribute value of a DN ({@code CN=Soporte-TI,OU=...} → {@code Soporte-TI}); a plain id unchanged. */
  static String directoryGroupId(String groupOrDn) {
    String value = groupOrDn.trim();
    int equals = value.indexOf('=');
    if (equals < 0) {
      return value;
    }
    int comma = value.indexOf(',');
    return (comma < 0 ? value.substring(equals + 1) : value.substring(equals + 1, comma)).trim();
  }

  /** The id to look for in the directory when the application asks for {@code groupId}. */
  public String toDirectory(String groupId) {
    if (groupId == null) {
      return null;
    }
    return toDirectory.getOrDefault(groupId, groupId);
  }

  /** The id the application sees for a group the directory returned. */
  public String fromDirectory(String directoryGroupId) {
    if (directoryGroupId == null) {
      return null;
    }
    return fromDirectory.getOrDefault(directoryGroupId.toLowerCase(Locale.ROOT), directoryGroupId);
  }

  public Map<String, String> roleToDirectory() {
    return Map.copyOf(toDirectory);
  }
}
