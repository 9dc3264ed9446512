package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@MesaSpringTest
class TicketNumbersTest {

  @Autowired TicketNumbers ticketNumbers;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired BusinessCalendar calendar;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void numbersFollowTheHouseFormatAndIncrease() {
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2031-03-10T15:00:00Z")));
    String first = ticketNumbers.next("TST");
    String second = ticketNumbers.next("TST");
    assertThat(first).isEqualTo("TST-2031-000001");
    assertThat(second).isEqualTo("TST-2031-000002");
  }

  @Test
  void eachYearStartsItsOwnCounter() {
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2032-12-31T12:00:00Z")));
    assertThat(ticketNumbers.next("YR")).isEqualTo("YR-2032-000001");
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2033-01-02T15:00:00Z")));
    assertThat(ticketNumbers.next("YR")).isEqualTo("YR-2033-000001");
  }

  @Test
  void concurrentCallersNeverGetTheSameNumber() throws Exception {
    List<String> numbers = TicketNumbersContract.drawConcurrently(ticketNumbers, "CON", 8, 40);
    TicketNumbersContract.assertUniqueAndGapless(numbers, 8 * 40);
  }

  /**
   * Issue 19: a start draws its number on the connection it already has and holds no lock until it commits. With a
   * pool of one connection, the counter row's own transaction (the former way) waited for a second connection.
   */
  @Test
  void aStartDrawsItsNumberWithoutASecondConnectionOrALockHeldUntilItCommits() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:numbers-one-connection;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(1000);
    try (HikariDataSource oneConnection = new HikariDataSource(config)) {
      JdbcTemplate sql = new JdbcTemplate(oneConnection);
      sql.execute("CREATE TABLE ticket_counter (prefix VARCHAR(10) NOT NULL, counter_year INTEGER NOT NULL, "
          + "last_number BIGINT NOT NULL, PRIMARY KEY (prefix, counter_year))");
      DataSourceTransactionManager transactions = new DataSourceTransactionManager(oneConnection);
      TicketNumbers numbers = new TicketNumbers(sql, transactions, calendar);
      ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2034-05-10T15:00:00Z")));
      assertThat(numbers.next("ONE")).isEqualTo("ONE-2034-000001");

      List<String> inOneStart = new TransactionTemplate(transactions).execute(status ->
          List.of(numbers.next("ONE"), numbers.next("ONE")));

      assertThat(inOneStart).containsExactly("ONE-2034-000002", "ONE-2034-000003");
    }
  }

  @Test
  void aNumberDrawnByAStartThatRollsBackIsNeverGivenAgain() {
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2035-02-10T15:00:00Z")));
    assertThat(ticketNumbers.next("RBK")).isEqualTo("RBK-2035-000001");
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      assertThat(ticketNumbers.next("RBK")).isEqualTo("RBK-2035-000002");
      status.setRollbackOnly();
    });
    assertThat(ticketNumbers.next("RBK")).isEqualTo("RBK-2035-000003");
  }

  @Test
  void anUpgradedDatabaseContinuesFromTheFormerCounterRow() {
    jdbc.update("INSERT INTO ticket_counter (prefix, counter_year, last_number) VALUES ('UPG', 2036, 41)");
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2036-07-01T15:00:00Z")));
    assertThat(ticketNumbers.next("UPG")).isEqualTo("UPG-2036-000042");
  }

  @Test
  void twoNodesOnOneDatabaseNeverShareANumber() throws Exception {
    // a second node is a second TicketNumbers on the same database: it knows none of the first one's sequences
    TicketNumbers otherNode = new TicketNumbers(jdbc, transactionManager, calendar);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> drawn = new ArrayList<>();
      for (TicketNumbers node : List.of(ticketNumbers, otherNode, ticketNumbers, otherNode)) {
        drawn.add(pool.submit(() -> {
          List<String> mine = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            mine.add(node.next("TWO"));
          }
          return mine;
        }));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> future : drawn) {
        all.addAll(future.get());
      }
      TicketNumbersContract.assertUniqueAndGapless(all, 200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPrefixThatCannotNameASequenceIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ticketNumbers.next("SOP; DROP"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
