package org.mesadeayuda.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the mail outbox delivers the e-mails ({@code mesa.mail.outbox.*}).
 *
 * @param backgroundSender whether this node runs the scheduled sender (off in the tests, which deliver by hand)
 * @param pollInterval pause between two passes of the scheduled sender
 * @param afterCommit how a step's e-mails are tried right after its transaction commits, so they leave without
 *     waiting for the next pass: by a small pool of the outbox's own threads ({@code background}, the default), by the
 *     committing thread itself ({@code same-thread}: the tests, so they need not wait), or not at all ({@code none});
 *     the scheduled sender retries whatever this attempt could not send
 * @param afterCommitThreads threads of the {@code background} pool
 * @param afterCommitLinger how long a {@code background} sender waits before taking what has committed, so that the
 *     e-mails of steps committing at nearly the same moment leave as one batch (issue 19): half a second, which
 *     nobody waiting for an e-mail notices, and under load every batch's claim and mark (two commits) serve a dozen
 *     e-mails instead of three or four
 * @param firstRetry wait after the first failed attempt; it doubles with every further failure ...
 * @param maxRetry ... up to this; the outbox never gives up on a message
 * @param alertAfterAttempts from this many failed attempts on, each failure is logged as an error for the operators
 * @param claimDuration how long a sender owns a row it is delivering; longer than the SMTP timeouts together, so
 *     another node never takes over a row that is still being sent
 * @param batchSize rows one pass delivers at most
 * @param keepSent how long sent messages stay in the table (for the operators' view) before they are deleted
 */
@ConfigurationProperties("mesa.mail.outbox")
public record MailOutboxProperties(
    @DefaultValue("true") boolean backgroundSender,
    @DefaultValue("PT2S") Duration pollInterval,
    @DefaultValue("background") AfterCommit afterCommit,
    @DefaultValue("2") int afterCommitThreads,
    @DefaultValue("PT0.5S") Duration afterCommitLinger,
    @DefaultValue("PT30S") Duration firstRetry,
    @DefaultValue("PT15M") Duration maxRetry,
    @DefaultValue("5") int alertAfterAttempts,
    @DefaultValue("PT5M") Duration claimDuration,
    @DefaultValue("50") int batchSize,
    @DefaultValue("P30D") Duration keepSent) {

  /** Who tries an e-mail right after the step that queued it commits. */
  public enum AfterCommit { BACKGROUND, SAME_THREAD, NONE }

  /** Wait before the next attempt of a message that has failed {@code failedAttempts} times (at least once). */
  public Duration retryDelay(int failedAttempts) {
    Duration delay = firstRetry;
    for (int i = 1; i < failedAttempts && delay.compareTo(maxRetry) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
  }
}
