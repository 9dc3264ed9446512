package org.mesadeayuda.maintenance;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The equipment in service, read through the {@code maintainable_equipment} view over the asset register: the only
 * thing maintenance knows about the equipment procedure.
 */
@Component
public class MaintainableEquipment {

  /** A unit a programme can include. */
  public record Unit(String assetTag, String brand, String model, String department, String location) {

    String description() {
      StringBuilder text = new StringBuilder();
      for (String part : new String[] {brand, model}) {
        if (part != null && !part.isBlank()) {
          text.append(text.isEmpty() ? "" : " ").append(part.trim());
        }
      }
      if (location != null && !location.isBlank()) {
        text.append(text.isEmpty() ? "" : " · ").append(location.trim());
      }
      return text.toString();
    }
  }

  private static final String SELECT =
      "SELECT asset_tag, brand, model, department, location FROM maintainable_equipment";

  private final JdbcClient jdbc;
  private final MaintenanceProperties properties;

  public MaintainableEquipment(JdbcClient jdbc, MaintenanceProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Every unit in service, by department and tag. */
  public List<Unit> all() {
    return jdbc.sql(SELECT).query(this::unit).list().stream()
        .sorted(java.util.Comparator.comparing(Unit::department).thenComparing(Unit::assetTag))
        .toList();
  }

  public Optional<Unit> find(String assetTag) {
    return jdbc.sql(SELECT + " WHERE asset_tag = :tag").param("tag", assetTag).query(this::unit).optional();
  }

  private Unit unit(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
    String department = row.getString("department");
    return new Unit(row.getString("asset_tag"), row.getString("brand"), row.getString("model"),
        department == null || department.isBlank() ? properties.unassignedDepartment() : department,
        row.getString("location"));
  }
}
