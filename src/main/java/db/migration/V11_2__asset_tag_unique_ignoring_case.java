package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An inventory tag is unique ignoring case: "CSV-E3" and "csv-e3" are the same label on the same unit. PostgreSQL
 * indexes {@code LOWER(asset_tag)}; H2 cannot index an expression, so it indexes a generated lower-case copy. A Java
 * migration because the two databases need different statements.
 *
 * <p>A register that already holds two tags differing only in case is not changed behind anyone's back: the
 * migration stops with the tags to correct.
 */
public class V11_2__asset_tag_unique_ignoring_case extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    List<String> duplicated = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT LOWER(asset_tag) FROM asset GROUP BY LOWER(asset_tag) HAVING COUNT(*) > 1")) {
      while (rows.next()) {
        duplicated.add(rows.getString(1));
      }
    }
    if (!duplicated.isEmpty()) {
      throw new IllegalStateException("The asset register has tags that differ only in case: " + duplicated
          + ". Rename one of each pair (UPDATE asset SET asset_tag = ... WHERE asset_tag = ...) and start again.");
    }
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    try (Statement statement = connection.createStatement()) {
      if (postgres) {
        statement.execute("CREATE UNIQUE INDEX uq_asset_tag_ignoring_case ON asset (LOWER(asset_tag))");
      } else {
        statement.execute("ALTER TABLE asset ADD COLUMN asset_tag_lower VARCHAR(50) GENERATED ALWAYS AS "
            + "(LOWER(asset_tag))");
        statement.execute("CREATE UNIQUE INDEX uq_asset_tag_ignoring_case ON asset (asset_tag_lower)");
      }
    }
  }
}
