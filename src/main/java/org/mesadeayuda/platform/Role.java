package org.mesadeayuda.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The roles the manuals name, each a Camunda group with the same id. */
public enum Role {
  SOLICITANTES("solicitantes", "Solicitantes (todo el personal)"),
  MESA_AYUDA("mesa-ayuda", "Mesa de ayuda"),
  TECNICOS("tecnicos", "Técnicos de soporte"),
  DIRECTOR_TI("director-ti", "Dirección de Tecnología"),
  DAF("daf", "Administración y Finanzas"),
  DIRECTORES_AREA("directores-area", "Directores de área"),
  JEFES_PROCESO("jefes-proceso", "Jefes de proceso / departamento"),
  CALIDAD("calidad", "Gestión de calidad");

  /**
   * The roles that supervise the cases: Cockpit, all tasks and history, and the registers (maintenance, backups,
   * e-mail accounts, monthly reports).
   */
  public static final Set<Role> SUPERVISORS = EnumSet.of(MESA_AYUDA, DIRECTOR_TI, CALIDAD);

  /** The operators: besides supervising, they retry failed jobs (incidents) in Cockpit. */
  public static final Set<Role> OPERATORS = EnumSet.of(MESA_AYUDA, DIRECTOR_TI);

  private final String groupId;
  private final String displayName;

  Role(String groupId, String displayName) {
    this.groupId = groupId;
    this.displayName = displayName;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<Role> byGroupId(String groupId) {
    return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
  }
}
