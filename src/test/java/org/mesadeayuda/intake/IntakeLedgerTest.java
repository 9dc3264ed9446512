package org.mesadeayuda.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake ledger's claims (V25) on a database of their own, two nodes racing for one message: exactly one handles
 * it, a claim of a dead node runs out, a handled message is never handled again (PostgreSQL in
 * {@link IntakeLedgerPostgresTest}).
 */
class IntakeLedgerTest {

  static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
  static final Instant LATER = NOW.plus(Duration.ofMinutes(10));

  IntakeLedger ledger;
  TransactionTemplate transaction;

  @BeforeEach
  void setUp() throws IOException {
    DataSource dataSource = newDatabase();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String migration = new ClassPathResource("db/migration/V25__mail_intake.sql")
        .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^\\s*--.*$", "");
    for (String statement : migration.split(";")) {
      if (!statement.isBlank()) {
        jdbc.execute(statement);
      }
    }
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    ledger = new IntakeLedger(JdbcClient.create(dataSource), transactions);
    transaction = new TransactionTemplate(transactions);
  }

  DataSource newDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:intake-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  @Test
  void aMessageIsOneNodesUntilItsClaimRunsOutAndNobodysOnceHandled() {
    String id = "<uno@correo.example>";
    assertThat(claim(id, "node-a", NOW)).isEqualTo(IntakeLedger.Claim.CLAIMED);
    assertThat(claim(id, "node-b", NOW.plusSeconds(60))).isEqualTo(IntakeLedger.Claim.TAKEN);
    assertThat(claim(id, "node-a", NOW.plusSeconds(60))).as("its own retry").isEqualTo(IntakeLedger.Claim.CLAIMED);
    // node-a dies: after its claim runs out node-b takes the message over, and node-a can no longer finish it
    assertThat(claim(id, "node-b", LATER.plusSeconds(61))).isEqualTo(IntakeLedger.Claim.CLAIMED);
    Boolean finished = transaction.execute(status -> ledger.begin(id, "node-a", LATER));
    assertThat(finished).isFalse();

    transaction.executeWithoutResult(status -> {
      assertThat(ledger.begin(id, "node-b", LATER)).isTrue();
      ledger.record(id, IntakeHandler.TICKET, "SOP-2026-000042", null);
    });

    assertThat(claim(id, "node-a", LATER.plus(Duration.ofHours(1)))).isEqualTo(IntakeLedger.Claim.HANDLED);
    assertThat(claim(id, "node-b", LATER.plus(Duration.ofHours(1)))).isEqualTo(IntakeLedger.Claim.HANDLED);
    assertThat(ledger.caseOf(Set.of("<otro@correo.example>", id))).contains("SOP-2026-000042");
  }

  @Test
  void aRolledBackAttemptLeavesTheMessageClaimedForTheNextOne() {
    String id = "<dos@correo.example>";
    claim(id, "node-a", NOW);
    try {
      transaction.executeWithoutResult(status -> {
        ledger.begin(id, "node-a", NOW);
        throw new IllegalStateException("the start failed");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(IntakeLedger.CLAIMED);
    ledger.release(id, "node-a", NOW, "the start failed");
    assertThat(claim(id, "node-b", NOW.plusSeconds(1))).as("released: any node").isEqualTo(IntakeLedger.Claim.CLAIMED);

    ledger.fail(id, "node-b", NOW, "mesa.intake.department no es un departamento");
    assertThat(claim(id, "node-a", LATER.plus(Duration.ofHours(1)))).isEqualTo(IntakeLedger.Claim.HANDLED);
    assertThat(ledger.find(id).orElseThrow().detail()).contains("department");
  }

  @Test
  void ofEightNodesReadingOneNewMessageAtOnceExactlyOneGetsIt() throws Exception {
    String id = "<tres@correo.example>";
    int nodes = 8;
    CyclicBarrier start = new CyclicBarrier(nodes);
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Future<IntakeLedger.Claim>> claims = new ArrayList<>();
      for (int node = 0; node < nodes; node++) {
        String owner = "node-" + node;
        claims.add(pool.submit(() -> {
          start.await();
          return claim(id, owner, NOW);
        }));
      }
      List<IntakeLedger.Claim> results = new ArrayList<>();
      for (Future<IntakeLedger.Claim> claim : claims) {
        results.add(claim.get(30, TimeUnit.SECONDS));
      }
      assertThat(results).filteredOn(IntakeLedger.Claim.CLAIMED::equals).hasSize(1);
      assertThat(results).filteredOn(IntakeLedger.Claim.TAKEN::equals).hasSize(nodes - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  private IntakeLedger.Claim claim(String id, String owner, Instant now) {
    return ledger.claim(id, "ana@institucion.gob", "Asunto", owner, now, now.plus(Duration.ofMinutes(10)));
  }
}
