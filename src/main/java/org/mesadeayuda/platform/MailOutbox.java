package org.mesadeayuda.platform;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The table of e-mails waiting to be sent or already sent ({@code mail_outbox}, V11). {@link #add} joins the caller's
 * transaction; every other method is meant to run in a transaction of its own (see {@link MailOutboxSender}).
 */
@Component
public class MailOutbox {

  public static final String PENDING = "pending";
  public static final String SENT = "sent";

  private static final int ERROR_LENGTH = 1000;
  private static final String COLUMNS = "id, template, mail_from, mail_to, subject, body, state, created_at, attempts, "
      + "next_attempt_at, last_attempt_at, last_error, sent_at, locked_by";

  /** A sender's hold on a row: who, and until when no other sender may take it. */
  public record Claim(String owner, Instant until) {}

  /** One e-mail of the outbox. */
  public record OutgoingMail(long id, String template, String from, String to, String subject, String body,
      String state, Instant createdAt, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
      Instant sentAt, String lockedBy) {}

  private final JdbcTemplate jdbc;

  public MailOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues a rendered e-mail, due at once, in the caller's transaction; returns its id. */
  public long add(String template, String from, String to, String subject, String body, Instant now) {
    return add(template, from, to, subject, body, List.of(), now);
  }

  /**
   * Queues a rendered e-mail with its files, in the caller's transaction: the row and its attachments commit together
   * (V26), so every attempt, also a resend after a crash, carries the same files. A file that is a kept document
   * ({@link MailAttachment#documentId()}) is recorded by its id; its bytes are read from the document when sending
   * (V32).
   */
  public long add(String template, String from, String to, String subject, String body,
      List<MailAttachment> attachments, Instant now) {
    return add(template, from, to, subject, body, attachments, now, null);
  }

  /**
   * As {@link #add(String, String, String, String, String, List, Instant)}, the row already held by {@code claim}
   * (null: free): the sender that will try it right after the commit needs no claim of its own (issue 19), and no
   * other sender takes it until the claim expires.
   */
  public long add(String template, String from, String to, String subject, String body,
      List<MailAttachment> attachments, Instant now, Claim claim) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_outbox (template, mail_from, mail_to, "
          + "subject, body, state, created_at, attempts, next_attempt_at, locked_by, locked_until) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, template);
      insert.setString(2, from);
      insert.setString(3, to);
      insert.setString(4, subject);
      insert.setString(5, body);
      insert.setString(6, PENDING);
      insert.setTimestamp(7, Timestamp.from(now));
      insert.setTimestamp(8, Timestamp.from(now));
      insert.setString(9, claim == null ? null : claim.owner());
      insert.setTimestamp(10, claim == null ? null : Timestamp.from(claim.until()));
      return insert;
    }, key);
    long id = key.getKey().longValue();
    for (int position = 0; position < attachments.size(); position++) {
      MailAttachment attachment = attachments.get(position);
      // a kept document is referenced, not copied (V32): its bytes are written once, with the case
      jdbc.update("INSERT INTO mail_outbox_attachment (mail_id, position, file_name, content_type, content, "
          + "document_id) VALUES (?, ?, ?, ?, ?, ?)", id, position, attachment.fileName(), attachment.contentType(),
          attachment.documentId() == null ? attachment.content() : null, attachment.documentId());
    }
    return id;
  }

  /** The files of a queued e-mail, in the order they were given. */
  public List<MailAttachment> attachments(long id) {
    return attachments(List.of(id)).getOrDefault(id, List.of());
  }

  /** The files of each of these e-mails (those without files are left out). */
  public Map<Long, List<MailAttachment>> attachments(List<Long> ids) {
    Map<Long, List<MailAttachment>> files = new HashMap<>();
    if (ids.isEmpty()) {
      return files;
    }
    jdbc.query("SELECT a.mail_id, a.file_name, a.content_type, COALESCE(a.content, d.content) AS content, "
        + "a.document_id FROM mail_outbox_attachment a LEFT JOIN generated_document d ON d.id = a.document_id "
        + "WHERE a.mail_id IN (" + placeholders(ids.size()) + ") ORDER BY a.mail_id, a.position", rs -> {
          long document = rs.getLong("document_id");
          Long documentId = rs.wasNull() ? null : document;
          files.computeIfAbsent(rs.getLong("mail_id"), id -> new ArrayList<>()).add(new MailAttachment(
              rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content"), documentId));
        }, ids.toArray());
    return files;
  }

  /** The conversation each of these e-mails answers in (those that answer none are left out). */
  public Map<Long, MailThread> threadsOf(List<Long> ids) {
    Map<Long, MailThread> threads = new HashMap<>();
    if (ids.isEmpty()) {
      return threads;
    }
    jdbc.query("SELECT mail_id, in_reply_to, mail_references FROM mail_outbox_thread WHERE mail_id IN ("
        + placeholders(ids.size()) + ")", rs -> {
          threads.put(rs.getLong("mail_id"), new MailThread(rs.getString("in_reply_to"),
              rs.getString("mail_references")));
        }, ids.toArray());
    return threads;
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** Makes the queued e-mail an answer in a conversation, in the caller's transaction. */
  public void thread(long id, MailThread thread) {
    jdbc.update("INSERT INTO mail_outbox_thread (mail_id, in_reply_to, mail_references) VALUES (?, ?, ?)", id,
        thread.inReplyTo(), thread.references());
  }

  /** Ids of the pending e-mails due by {@code now} that no sender holds, oldest first. */
  public List<Long> due(Instant now, int limit) {
    return jdbc.queryForList("SELECT id FROM mail_outbox WHERE state = ? AND next_attempt_at <= ? "
        + "AND (locked_until IS NULL OR locked_until < ?) ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY",
        Long.class, PENDING, Timestamp.from(now), Timestamp.from(now), limit);
  }

  /**
   * Takes the e-mail for {@code owner} until {@code until} if it is still pending, due and free. The condition is in
   * the update itself, so of two senders racing for a row exactly one gets it.
   */
  public Optional<OutgoingMail> claim(long id, String owner, Instant now, Instant until) {
    int claimed = jdbc.update("UPDATE mail_outbox SET locked_by = ?, locked_until = ? WHERE id = ? AND state = ? "
        + "AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)",
        owner, Timestamp.from(until), id, PENDING, Timestamp.from(now), Timestamp.from(now));
    return claimed == 1 ? find(id) : Optional.empty();
  }

  /**
   * Those of {@code ids} that {@code owner} holds, still pending, with its claim running until after
   * {@code heldUntilAfter}: rows it queued already claimed ({@link #add(String, String, String, String, String, List,
   * Instant, Claim)}), read in one query. A row whose claim runs out sooner is left alone; once it has expired, any
   * sender claims it as usual.
   */
  public List<OutgoingMail> heldBy(List<Long> ids, String owner, Instant heldUntilAfter) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Object> arguments = new ArrayList<>(ids);
    arguments.add(PENDING);
    arguments.add(owner);
    arguments.add(Timestamp.from(heldUntilAfter));
    return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE id IN (" + placeholders(ids.size()) + ") "
        + "AND state = ? AND locked_by = ? AND locked_until > ? ORDER BY id", MailOutbox::row, arguments.toArray());
  }

  /**
   * Records the delivery; false when the claim was lost meanwhile (it expired and another sender took the row). The
   * body is dropped: some e-mails carry secrets (a remote-access identifier, kept elsewhere only as its hash), and the
   * sent row is only a log line for the operators.
   */
  public boolean markSent(long id, String owner, Instant now) {
    return markSent(List.of(id), Set.of(id), owner, now).isEmpty();
  }

  /**
   * {@link #markSent(long, String, Instant)} for a batch, in one round trip; returns those of {@code ids} whose claim
   * {@code owner} had lost meanwhile. {@code withFiles}: the e-mails among them that carried files, whose files are
   * dropped like the body (the documents stay with their case in {@code generated_document}; the sent row is only a
   * log line).
   */
  public List<Long> markSent(List<Long> ids, Set<Long> withFiles, String owner, Instant now) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Timestamp at = Timestamp.from(now);
    int[] counts = jdbc.batchUpdate("UPDATE mail_outbox SET state = ?, sent_at = ?, last_attempt_at = ?, body = '', "
        + "locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?",
        ids.stream().map(id -> new Object[] {SENT, at, at, id, owner}).toList());
    List<Long> lost = new ArrayList<>();
    List<Long> filesToDrop = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      // a driver that cannot tell (SUCCESS_NO_INFO) ran the update: it is taken as done
      if (counts[i] == 0) {
        lost.add(ids.get(i));
      } else if (withFiles.contains(ids.get(i))) {
        filesToDrop.add(ids.get(i));
      }
    }
    if (!filesToDrop.isEmpty()) {
      jdbc.update("DELETE FROM mail_outbox_attachment WHERE mail_id IN (" + placeholders(filesToDrop.size()) + ")",
          filesToDrop.toArray());
    }
    return lost;
  }

  /** Records a failed attempt and when to try again, and frees the row. */
  public boolean markFailed(long id, String owner, Instant now, String error, Instant nextAttempt) {
    String shortError = error == null ? "" : error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
    return jdbc.update("UPDATE mail_outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?, "
        + "next_attempt_at = ?, locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?",
        Timestamp.from(now), shortError, Timestamp.from(nextAttempt), id, owner) == 1;
  }

  /** Makes every pending e-mail due at {@code now} (their backoff is over: the mail server answers again). */
  public int makeAllDue(Instant now) {
    return jdbc.update("UPDATE mail_outbox SET next_attempt_at = ? WHERE state = ? AND next_attempt_at > ?",
        Timestamp.from(now), PENDING, Timestamp.from(now));
  }

  public Optional<OutgoingMail> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = ?", MailOutbox::row, id).stream()
        .findFirst();
  }

  /** The e-mails in a state, oldest first for pending ones (the queue), newest first for sent ones (the log). */
  public List<OutgoingMail> list(String state, int limit) {
    String order = PENDING.equals(state) ? "next_attempt_at, id" : "sent_at DESC, id DESC";
    return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE state = ? ORDER BY " + order
        + " FETCH FIRST ? ROWS ONLY", MailOutbox::row, state, limit);
  }

  public long count(String state) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE state = ?", Long.class, state);
    return count == null ? 0 : count;
  }

  /** Deletes the e-mails sent before {@code before}; returns how many. */
  public int deleteSentBefore(Instant before) {
    jdbc.update("DELETE FROM mail_outbox_attachment WHERE mail_id IN (SELECT id FROM mail_outbox WHERE state = ? "
        + "AND sent_at < ?)", SENT, Timestamp.from(before));
    return jdbc.update("DELETE FROM mail_outbox WHERE state = ? AND sent_at < ?", SENT, Timestamp.from(before));
  }

  private static OutgoingMail row(ResultSet rs, int rowNumber) throws SQLException {
    return new OutgoingMail(rs.getLong("id"), rs.getString("template"), rs.getString("mail_from"),
        rs.getString("mail_to"), rs.getString("subject"), rs.getString("body"), rs.getString("state"),
        instant(rs, "created_at"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
        instant(rs, "last_attempt_at"), rs.getString("last_error"), instant(rs, "sent_at"),
        rs.getString("locked_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
