package org.mesadeayuda.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code intake_message} table (V25): which messages of the mailbox were handled, by their Message-ID, and which
 * node is handling one now. {@link #claim} and {@link #fail}/{@link #release} run in transactions of their own;
 * {@link #begin} and {@link #record} join the transaction that starts the ticket or adds the comment.
 */
@Repository
class IntakeLedger {

  static final String CLAIMED = "claimed";
  static final String DONE = "done";
  static final String FAILED = "failed";

  /** What a node may do with a message it has read. */
  enum Claim {
    /** It is this node's to handle now. */
    CLAIMED,
    /** It was handled (or could not be and never will): only mark it in the mailbox. */
    HANDLED,
    /** Another node is handling it: leave it alone. */
    TAKEN
  }

  private static final int SHORT = 500;
  private static final int DETAIL = 1000;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  IntakeLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  static String key(String messageId) {
    return MessageReader.sha256(messageId.trim());
  }

  /**
   * Takes the message for {@code owner} until {@code until}: a new message, a claim of this node's own (a retry after
   * a failure) or a claim that expired (its node died). Each step is a statement of its own whose condition decides,
   * so of two nodes racing for a message exactly one gets it.
   */
  Claim claim(String messageId, String sender, String subject, String owner, Instant now, Instant until) {
    String key = key(messageId);
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO intake_message (message_key, message_id, "
              + "sender, subject, state, claimed_by, claimed_until, received_at) VALUES (:key, :messageId, :sender, "
              + ":subject, :state, :owner, :until, :now)")
          .param("key", key).param("messageId", cut(messageId, DETAIL)).param("sender", cut(sender, 320))
          .param("subject", cut(subject, SHORT)).param("state", CLAIMED).param("owner", owner)
          .param("until", Timestamp.from(until)).param("now", Timestamp.from(now)).update());
      return Claim.CLAIMED;
    } catch (DuplicateKeyException seenBefore) {
      // read before, by this node or another: decided below in a transaction of its own (PostgreSQL ends the failed one)
    }
    return ownTransaction.execute(status -> {
      int taken = jdbc.sql("UPDATE intake_message SET claimed_by = :owner, claimed_until = :until WHERE message_key = "
              + ":key AND state = :claimed AND (claimed_by = :owner OR claimed_until IS NULL OR claimed_until < :now)")
          .param("owner", owner).param("until", Timestamp.from(until)).param("key", key).param("claimed", CLAIMED)
          .param("now", Timestamp.from(now)).update();
      if (taken == 1) {
        return Claim.CLAIMED;
      }
      String state = jdbc.sql("SELECT state FROM intake_message WHERE message_key = :key").param("key", key)
          .query(String.class).optional().orElse(CLAIMED);
      return CLAIMED.equals(state) ? Claim.TAKEN : Claim.HANDLED;
    });
  }

  /**
   * First statement of the transaction that handles the message: marks it done if this node still holds it. The row
   * stays locked until that transaction ends, so a node taking over an expired claim meanwhile waits and then finds it
   * done; if the transaction rolls back, the message is claimed again as before.
   */
  boolean begin(String messageId, String owner, Instant now) {
    return jdbc.sql("UPDATE intake_message SET state = :done, processed_at = :now, claimed_until = NULL "
            + "WHERE message_key = :key AND state = :claimed AND claimed_by = :owner")
        .param("done", DONE).param("now", Timestamp.from(now)).param("key", key(messageId))
        .param("claimed", CLAIMED).param("owner", owner).update() == 1;
  }

  /** What became of the message, in the transaction that {@link #begin} started. */
  void record(String messageId, String outcome, String caseNumber, String detail) {
    jdbc.sql("UPDATE intake_message SET outcome = :outcome, case_number = :caseNumber, detail = :detail "
            + "WHERE message_key = :key")
        .param("outcome", outcome).param("caseNumber", caseNumber).param("detail", cut(detail, DETAIL))
        .param("key", key(messageId)).update();
  }

  /** The message can never become a ticket (e.g. a setting is missing): kept with the reason, not tried again. */
  void fail(String messageId, String owner, Instant now, String reason) {
    ownTransaction.executeWithoutResult(status -> jdbc.sql("UPDATE intake_message SET state = :failed, "
            + "outcome = :failed, detail = :reason, processed_at = :now, claimed_until = NULL "
            + "WHERE message_key = :key AND state = :claimed AND claimed_by = :owner")
        .param("failed", FAILED).param("reason", cut(reason, DETAIL)).param("now", Timestamp.from(now))
        .param("key", key(messageId)).param("claimed", CLAIMED).param("owner", owner).update());
  }

  /** The attempt failed for a passing reason (database, mail server): any node may try again at its next reading. */
  void release(String messageId, String owner, Instant now, String reason) {
    ownTransaction.executeWithoutResult(status -> jdbc.sql("UPDATE intake_message SET claimed_until = :now, "
            + "detail = :reason WHERE message_key = :key AND state = :claimed AND claimed_by = :owner")
        .param("now", Timestamp.from(now)).param("reason", cut(reason, DETAIL)).param("key", key(messageId))
        .param("claimed", CLAIMED).param("owner", owner).update());
  }

  /** The case a message among {@code messageIds} became or was added to, if any (a reply in the same conversation). */
  Optional<String> caseOf(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Optional.empty();
    }
    List<String> keys = messageIds.stream().map(IntakeLedger::key).toList();
    return jdbc.sql("SELECT case_number FROM intake_message WHERE message_key IN (:keys) AND state = :done "
            + "AND case_number IS NOT NULL ORDER BY processed_at DESC")
        .param("keys", keys).param("done", DONE).query(String.class).list().stream().findFirst();
  }

  record Entry(String messageId, String state, String outcome, String caseNumber, String detail, String claimedBy) {}

  Optional<Entry> find(String messageId) {
    return jdbc.sql("SELECT message_id, state, outcome, case_number, detail, claimed_by FROM intake_message "
            + "WHERE message_key = :key").param("key", key(messageId))
        .query((rs, row) -> new Entry(rs.getString("message_id"), rs.getString("state"), rs.getString("outcome"),
            rs.getString("case_number"), rs.getString("detail"), rs.getString("claimed_by")))
        .optional();
  }

  static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
