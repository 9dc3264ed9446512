package org.mesadeayuda.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The documents the procedures produced (table {@code generated_document}, V26), kept with their case and their
 * readers. Written in the caller's transaction: a document exists exactly when the step that produced it committed.
 */
@Component
public class GeneratedDocuments {

  private static final String COLUMNS = "id, case_number, kind, title, file_name, content_type, size_bytes, sha256, "
      + "created_at, reader_users, reader_groups";

  private final JdbcClient jdbc;

  public GeneratedDocuments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public GeneratedDocument store(String caseNumber, String kind, String title, String fileName, String contentType,
      byte[] content, DocumentReaders readers, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    String sha256 = sha256(content);
    jdbc.sql("INSERT INTO generated_document (case_number, kind, title, file_name, content_type, size_bytes, sha256,"
            + " content, created_at, reader_users, reader_groups) VALUES (:caseNumber, :kind, :title, :fileName,"
            + " :contentType, :size, :sha256, :content, :createdAt, :users, :groups)")
        .param("caseNumber", caseNumber).param("kind", kind).param("title", title).param("fileName", fileName)
        .param("contentType", contentType).param("size", (long) content.length).param("sha256", sha256)
        .param("content", content).param("createdAt", Timestamp.from(now)).param("users", readers.usersColumn())
        .param("groups", readers.groupsColumn()).update(key, "id");
    // what was written, without reading the bytes back (the columns keep microseconds)
    return new GeneratedDocument(key.getKey().longValue(), caseNumber, kind, title, fileName, contentType,
        content.length, sha256, now.truncatedTo(ChronoUnit.MICROS),
        DocumentReaders.of(readers.usersColumn(), readers.groupsColumn()), content);
  }

  /** The document with its bytes. */
  public Optional<GeneratedDocument> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + ", content FROM generated_document WHERE id = ?").param(id)
        .query((row, n) -> document(row, true)).optional();
  }

  /** The documents of a case, newest first, without their bytes. */
  public List<GeneratedDocument> ofCase(String caseNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM generated_document WHERE case_number = ? ORDER BY created_at DESC,"
        + " id DESC").param(caseNumber).query((row, n) -> document(row, false)).list();
  }

  /** The newest document of a kind for a case, without its bytes. */
  public Optional<GeneratedDocument> latest(String caseNumber, String kind) {
    return ofCase(caseNumber).stream().filter(document -> document.kind().equals(kind)).findFirst();
  }

  private static GeneratedDocument document(ResultSet row, boolean withContent) throws SQLException {
    return new GeneratedDocument(row.getLong("id"), row.getString("case_number"), row.getString("kind"),
        row.getString("title"), row.getString("file_name"), row.getString("content_type"), row.getLong("size_bytes"),
        row.getString("sha256"), row.getTimestamp("created_at").toInstant(),
        DocumentReaders.of(row.getString("reader_users"), row.getString("reader_groups")),
        withContent ? row.getBytes("content") : null);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
