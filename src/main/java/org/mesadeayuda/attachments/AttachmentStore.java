package org.mesadeayuda.attachments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code attachment} table (Flyway V18). Plain SQL rather than a Spring Data repository so that lists and checks
 * never read the files' bytes, only the download does.
 */
@Repository
class AttachmentStore {

  private static final String COLUMNS =
      "id, case_number, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, task_id, step";

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  AttachmentStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  record Content(Attachment attachment, byte[] bytes) {}

  /**
   * Adds the size to the case's total if the total stays within the limit; the row stays locked until the caller's
   * transaction ends, so concurrent uploads to one case are counted one after the other.
   */
  boolean reserve(String caseNumber, long size, long maxTotal) {
    ensureTotalRow(caseNumber);
    return jdbc.sql("UPDATE attachment_case_total SET total_bytes = total_bytes + :size "
            + "WHERE case_number = :caseNumber AND total_bytes + :size <= :maxTotal")
        .param("size", size).param("caseNumber", caseNumber).param("maxTotal", maxTotal)
        .update() == 1;
  }

  long insert(String caseNumber, String fileName, FileType type, byte[] bytes, String sha256, String uploadedBy,
      Instant uploadedAt, String taskId, String step) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO attachment (case_number, file_name, content_type, size_bytes, sha256, content, uploaded_by, "
            + "uploaded_at, task_id, step) VALUES (:caseNumber, :fileName, :contentType, :size, :sha256, :content, "
            + ":uploadedBy, :uploadedAt, :taskId, :step)")
        .param("caseNumber", caseNumber).param("fileName", fileName).param("contentType", type.contentType())
        .param("size", (long) bytes.length).param("sha256", sha256).param("content", bytes)
        .param("uploadedBy", uploadedBy).param("uploadedAt", Timestamp.from(uploadedAt))
        .param("taskId", taskId).param("step", step)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  List<Attachment> list(String caseNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM attachment WHERE case_number = :caseNumber ORDER BY uploaded_at, id")
        .param("caseNumber", caseNumber).query(AttachmentStore::attachment).list();
  }

  Optional<Attachment> find(String caseNumber, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM attachment WHERE case_number = :caseNumber AND id = :id")
        .param("caseNumber", caseNumber).param("id", id).query(AttachmentStore::attachment).optional();
  }

  Optional<Content> content(String caseNumber, long id) {
    return jdbc.sql("SELECT " + COLUMNS + ", content FROM attachment WHERE case_number = :caseNumber AND id = :id")
        .param("caseNumber", caseNumber).param("id", id)
        .query((rs, row) -> new Content(attachment(rs, row), rs.getBytes("content"))).optional();
  }

  long total(String caseNumber) {
    return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM attachment WHERE case_number = :caseNumber")
        .param("caseNumber", caseNumber).query(Long.class).single();
  }

  /** The case's total row, created in a transaction of its own so a concurrent creation never aborts the upload's. */
  private void ensureTotalRow(String caseNumber) {
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM attachment_case_total WHERE case_number = :caseNumber")
        .param("caseNumber", caseNumber).query(Long.class).single() > 0;
    if (exists) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.sql(
              "INSERT INTO attachment_case_total (case_number, total_bytes) VALUES (:caseNumber, 0)")
          .param("caseNumber", caseNumber).update());
    } catch (DuplicateKeyException createdByAnotherUpload) {
      // the other upload created it: the conditional update waits for that one's lock
    }
  }

  private static Attachment attachment(ResultSet rs, int row) throws SQLException {
    return new Attachment(rs.getLong("id"), rs.getString("case_number"), rs.getString("file_name"),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(), rs.getString("task_id"), rs.getString("step"));
  }
}
