package org.mesadeayuda.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code case_comment} table (V25): what people wrote to a case outside its forms, by case number. */
@Repository
public class CaseComments {

  /** The longest comment kept; a longer text is cut with a note. */
  public static final int MAX_LENGTH = 4000;

  /** One comment; {@code authorUser} is null when the sender is no staff user. */
  public record Comment(long id, String caseNumber, String authorUser, String authorName, String authorEmail,
      String channel, String body, Instant createdAt) {}

  private final JdbcClient jdbc;

  CaseComments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(String caseNumber, String authorUser, String authorName, String authorEmail, String channel, String body,
      String messageId, Instant createdAt) {
    jdbc.sql("INSERT INTO case_comment (case_number, author_user, author_name, author_email, channel, body, "
            + "message_id, created_at) VALUES (:caseNumber, :authorUser, :authorName, :authorEmail, :channel, :body, "
            + ":messageId, :createdAt)")
        .param("caseNumber", caseNumber).param("authorUser", authorUser)
        .param("authorName", IntakeLedger.cut(authorName, 255)).param("authorEmail", IntakeLedger.cut(authorEmail, 320))
        .param("channel", channel).param("body", IntakeLedger.cut(body, MAX_LENGTH))
        .param("messageId", IntakeLedger.cut(messageId, 1000)).param("createdAt", Timestamp.from(createdAt)).update();
  }

  /** The case's comments, oldest first. */
  public List<Comment> of(String caseNumber) {
    return jdbc.sql("SELECT id, case_number, author_user, author_name, author_email, channel, body, created_at "
            + "FROM case_comment WHERE case_number = :caseNumber ORDER BY created_at, id")
        .param("caseNumber", caseNumber)
        .query((rs, row) -> new Comment(rs.getLong("id"), rs.getString("case_number"), rs.getString("author_user"),
            rs.getString("author_name"), rs.getString("author_email"), rs.getString("channel"), rs.getString("body"),
            rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
