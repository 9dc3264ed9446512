package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Issue 19: with WRITE_DELAY=0 (the shipped H2 setting) nothing in H2 reuses the file's space, so a database whose
 * rows keep changing grows with every commit; the scheduled housekeeping keeps it bounded. The same work (a register
 * of 500 rows updated 6,000 times, each update with a history row in its own commit, as the help desk's steps
 * do) on two files, one with
 * the housekeeping running as it does in the application, one without.
 */
class H2FileMaintenanceTest {

  @TempDir Path folder;

  @Test
  void aFileWhoseRowsKeepChangingStaysBoundedWithTheHousekeepingAndGrowsWithoutIt() throws Exception {
    long without = churn(folder.resolve("without"), false);
    long with = churn(folder.resolve("with"), true);

    assertThat(with).as("file with housekeeping (%d bytes) against without (%d bytes)", with, without)
        .isLessThan(without / 2);
  }

  private static long churn(Path dir, boolean housekeeping) throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    // as application.yaml; retention time 0 so that emptied chunks are reused at once instead of after 45 s
    dataSource.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0");
    dataSource.setUser("sa");
    H2FileMaintenance maintenance = new H2FileMaintenance(dataSource, 70, DataSize.ofMegabytes(32));
    Random random = new Random(19);
    try (Connection connection = dataSource.getConnection()) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE register (id INT PRIMARY KEY, state VARCHAR(20), notes VARCHAR(400))");
        ddl.execute("CREATE INDEX register_state ON register (state)");
        ddl.execute("CREATE TABLE history (id INT PRIMARY KEY, row_id INT, notes VARCHAR(400))");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO register VALUES (?, 'open', ?)")) {
        for (int id = 0; id < 500; id++) {
          insert.setInt(1, id);
          insert.setString(2, "x".repeat(300));
          insert.executeUpdate();
        }
      }
      connection.setAutoCommit(false);
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE register SET state = ?, notes = ? WHERE id = ?");
          PreparedStatement history = connection.prepareStatement("INSERT INTO history VALUES (?, ?, ?)")) {
        for (int step = 1; step <= 6000; step++) {
          history.setInt(1, step);
          history.setInt(2, step % 500);
          history.setString(3, "h".repeat(200));
          history.executeUpdate();
          update.setString(1, "state-" + random.nextInt(50));
          update.setString(2, Integer.toString(step).repeat(60));
          update.setInt(3, random.nextInt(500));
          update.executeUpdate();
          connection.commit();
          if (housekeeping && step % 200 == 0) {
            maintenance.compact();
          }
        }
      }
      long size = Files.size(dir.resolve("db.mv.db"));
      try (Statement check = connection.createStatement()) {
        // every row still there and readable
        var rows = check.executeQuery("SELECT COUNT(*), MIN(LENGTH(notes)) FROM register");
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(500);
        assertThat(rows.getInt(2)).isPositive();
      }
      return size;
    }
  }
}
