package org.mesadeayuda.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the ticket register from the process. Called inside the engine's transaction, so a row and the process state
 * it describes are committed, or rolled back, together.
 */
@Component
public class TicketRegister {

  private static final Pattern COLUMN = Pattern.compile("[a-z_]+");

  private final SupportTicketRepository repository;
  private final JdbcTemplate jdbc;

  public TicketRegister(SupportTicketRepository repository, JdbcTemplate jdbc) {
    this.repository = repository;
    this.jdbc = jdbc;
  }

  public SupportTicket open(SupportTicket ticket) {
    return repository.save(ticket);
  }

  public SupportTicket get(String ticketNumber) {
    return repository.findByTicketNumber(ticketNumber)
        .orElseThrow(() -> new IllegalStateException("ticket " + ticketNumber + " is not in the register"));
  }

  public SupportTicket update(String ticketNumber, Consumer<SupportTicket> change) {
    SupportTicket ticket = get(ticketNumber);
    change.accept(ticket);
    return repository.save(ticket);
  }

  /**
   * Writes these columns of the ticket's row, and only these: one UPDATE, no read of the row first (issue 19: each
   * step of a ticket used to read the whole row and write every column back). Column names are the register's
   * ({@code support_ticket}), given by the steps, never by a form.
   */
  public void set(String ticketNumber, Map<String, ?> columns) {
    if (setWhere(ticketNumber, columns, null, null) == 0) {
      throw new IllegalStateException("ticket " + ticketNumber + " is not in the register");
    }
  }

  /**
   * As {@link #set}, only if the row's {@code column} holds {@code expected} still; false (nothing written) if it
   * holds another value or the ticket is not in the register.
   */
  public boolean setIf(String ticketNumber, String column, Object expected, Map<String, ?> columns) {
    return setWhere(ticketNumber, columns, column, expected) == 1;
  }

  private int setWhere(String ticketNumber, Map<String, ?> columns, String column, Object expected) {
    StringBuilder sql = new StringBuilder("UPDATE support_ticket SET ");
    List<Object> values = new ArrayList<>();
    columns.forEach((name, value) -> {
      sql.append(values.isEmpty() ? "" : ", ").append(column(name)).append(" = ?");
      values.add(value instanceof Instant instant ? Timestamp.from(instant) : value);
    });
    // the row's version moves as with a whole-row save, so a step that read the row before this write and saves it
    // whole afterwards fails (and its job retries) instead of writing back what this one changed
    sql.append(", version = version + 1 WHERE ticket_number = ?");
    values.add(ticketNumber);
    if (column != null) {
      sql.append(" AND ").append(column(column)).append(" = ?");
      values.add(expected);
    }
    return jdbc.update(sql.toString(), values.toArray());
  }

  private static String column(String name) {
    if (!COLUMN.matcher(name).matches()) {
      throw new IllegalArgumentException("not a column of the register: " + name);
    }
    return name;
  }

  /** When the ticket was received and resolved (either null when not yet); what closing needs of the row. */
  public Instant[] openedAndResolved(String ticketNumber) {
    List<Instant[]> rows = jdbc.query("SELECT opened_at, resolved_at FROM support_ticket WHERE ticket_number = ?",
        (rs, n) -> new Instant[] {instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))}, ticketNumber);
    if (rows.isEmpty()) {
      throw new IllegalStateException("ticket " + ticketNumber + " is not in the register");
    }
    return rows.get(0);
  }

  /** Column name, value, column name, value… in order; values may be null. */
  public static Map<String, Object> columns(Object... namesAndValues) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return columns;
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
