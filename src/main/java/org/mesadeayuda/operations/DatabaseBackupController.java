package org.mesadeayuda.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javax.sql.DataSource;
import org.mesadeayuda.platform.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A copy of the embedded H2 database while the application runs (H2's {@code BACKUP TO}: a consistent zip of the
 * database file, taken without stopping the cases), into {@code mesa.backup.directory}. Called by
 * {@code src/deploy/backup-h2.sh}; PostgreSQL is copied with {@code pg_dump} instead ({@code src/deploy/backup-postgres.sh}).
 * The cases, the registers and the attachments all live in this one database (README "Backup and restore").
 */
@RestController
public class DatabaseBackupController {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackupController.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final DataSource dataSource;
  private final CurrentUser currentUser;
  private final Path directory;

  public DatabaseBackupController(DataSource dataSource, CurrentUser currentUser,
      @Value("${mesa.backup.directory:./backups}") Path directory) {
    this.dataSource = dataSource;
    this.currentUser = currentUser;
    this.directory = directory;
  }

  public record Backup(String file, long sizeBytes) {}

  @PostMapping("/api/operations/backup")
  public ResponseEntity<?> backup() throws SQLException, IOException {
    // only the administrators: the copy holds every case, register and attachment
    currentUser.requireOneOf("solo los administradores copian la base de datos");
    try (Connection connection = dataSource.getConnection()) {
      String database = connection.getMetaData().getDatabaseProductName();
      String url = connection.getMetaData().getURL();
      if (!"H2".equals(database)) {
        return refusal("La base de datos es " + database + ": cópiela con pg_dump (src/deploy/backup-postgres.sh).");
      }
      if (url.startsWith("jdbc:h2:mem:")) {
        return refusal("La base de datos está en memoria: no hay nada que copiar.");
      }
      Files.createDirectories(directory);
      Path file = directory.toAbsolutePath().resolve("mesa-de-ayuda-" + LocalDateTime.now().format(STAMP) + ".zip");
      try (Statement statement = connection.createStatement()) {
        statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
      }
      LOG.info("Database backup written to {}", file);
      return ResponseEntity.status(HttpStatus.CREATED).body(new Backup(file.toString(), Files.size(file)));
    }
  }

  private static ResponseEntity<Map<String, String>> refusal(String message) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", message));
  }
}
