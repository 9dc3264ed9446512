package org.mesadeayuda.intake;

import java.util.UUID;
import javax.sql.DataSource;
import org.mesadeayuda.EmbeddedPostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;

/** The intake ledger's claims on PostgreSQL (production), each test on a fresh database. */
class IntakeLedgerPostgresTest extends IntakeLedgerTest {

  @Override
  DataSource newDatabase() {
    String name = "intake_" + UUID.randomUUID().toString().replace("-", "");
    new JdbcTemplate(EmbeddedPostgresServer.get().getPostgresDatabase()).execute("CREATE DATABASE " + name);
    return EmbeddedPostgresServer.get().getDatabase("postgres", name);
  }
}
