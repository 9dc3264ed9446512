package org.mesadeayuda.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.mesadeayuda.platform.PortalLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's links for e-mails, and the one-time rating links of the "ticket finalizado" e-mail (SR-12). A token is
 * 256 random bits; only its SHA-256 is stored. It rates one case, once, before the rating timer ends and while the
 * rating task is open; a later "ticket finalizado" e-mail of the same case (after the ticket went back to the
 * technician) replaces it. Rating through it completes the same task Tasklist's form does, as the requester, so the
 * same guards decide: a refused answer rolls back and leaves the token usable.
 */
@Service
class RatingTokens implements PortalLinks {

  /** The support request's rating task ("Verificar solución y calificar"). */
  static final String RATING_TASK = "Task_RateService";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  enum State { VALID, USED, REPLACED, EXPIRED, UNKNOWN }

  record Found(State state, String caseNumber, String processInstanceId, String requester, Instant expiresAt,
      Optional<Task> task) {
    static final Found UNKNOWN = new Found(State.UNKNOWN, null, null, null, null, Optional.empty());
  }

  /** The token can no longer rate; {@link #state} says why. */
  static class NotUsableException extends RuntimeException {
    final State state;

    NotUsableException(State state) {
      super(state.name());
      this.state = state;
    }
  }

  private final JdbcClient jdbc;
  private final PortalProperties properties;
  private final TaskService taskService;
  private final IdentityService identityService;

  RatingTokens(JdbcClient jdbc, PortalProperties properties, TaskService taskService,
      IdentityService identityService) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @Override
  public String request(String caseNumber) {
    return properties.url() + "solicitudes/" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);
  }

  @Override
  public String rating(String caseNumber, String processInstanceId, String requester, Date expiresAt) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
    jdbc.sql("UPDATE portal_rating_token SET replaced_at = ? WHERE case_number = ? AND used_at IS NULL "
        + "AND replaced_at IS NULL").params(now, caseNumber).update();
    jdbc.sql("INSERT INTO portal_rating_token (token_hash, case_number, process_instance_id, requester, issued_at, "
        + "expires_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(hash(token), caseNumber, processInstanceId, requester, now, Timestamp.from(expiresAt.toInstant()))
        .update();
    return properties.url() + "calificar/" + token;
  }

  /** What the token is good for now. Anything that is not a token of ours is simply unknown. */
  Found find(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Found.UNKNOWN;
    }
    record Row(String caseNumber, String processInstanceId, String requester, Timestamp expiresAt, Timestamp usedAt,
        Timestamp replacedAt) {}
    Optional<Row> row = jdbc.sql("SELECT case_number, process_instance_id, requester, expires_at, used_at, replaced_at "
        + "FROM portal_rating_token WHERE token_hash = ?").param(hash(token)).query(Row.class).optional();
    if (row.isEmpty()) {
      return Found.UNKNOWN;
    }
    Row found = row.get();
    Instant expiresAt = found.expiresAt().toInstant();
    Optional<Task> task = taskService.createTaskQuery().processInstanceId(found.processInstanceId())
        .taskDefinitionKey(RATING_TASK).list().stream().findFirst();
    State state;
    if (found.usedAt() != null) {
      state = State.USED;
    } else if (found.replacedAt() != null) {
      state = State.REPLACED;
    } else if (!ClockUtil.getCurrentTime().toInstant().isBefore(expiresAt) || task.isEmpty()) {
      // the timer closed the case (tacit verification), or the case left the rating step some other way
      state = State.EXPIRED;
    } else {
      state = State.VALID;
    }
    return new Found(state, found.caseNumber(), found.processInstanceId(), found.requester(), expiresAt, task);
  }

  /**
   * Rates with the token: marks it used and completes the rating task as the requester, in one transaction, so a
   * refused answer (the task's own checks) leaves both as they were.
   */
  @Transactional
  Found use(String token, Map<String, Object> answer) {
    Found found = find(token);
    if (found.state() != State.VALID) {
      throw new NotUsableException(found.state());
    }
    int marked = jdbc.sql("UPDATE portal_rating_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
        + "AND replaced_at IS NULL").params(Timestamp.from(ClockUtil.getCurrentTime().toInstant()), hash(token))
        .update();
    if (marked != 1) {
      throw new NotUsableException(State.USED);
    }
    Task task = found.task().orElseThrow();
    String requester = found.requester() != null ? found.requester() : task.getAssignee();
    List<String> groups = identityService.createGroupQuery().groupMember(requester).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(requester, groups);
    try {
      taskService.complete(task.getId(), answer);
    } finally {
      identityService.clearAuthentication();
    }
    return found;
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
