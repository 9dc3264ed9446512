package org.mesadeayuda.platform;

import java.util.UUID;
import javax.sql.DataSource;
import org.mesadeayuda.EmbeddedPostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox's claims, backoff and clean-up on PostgreSQL (production), each test on a fresh database. */
class MailOutboxSenderPostgresTest extends MailOutboxSenderTest {

  @Override
  DataSource newDatabase() {
    String name = "outbox_" + UUID.randomUUID().toString().replace("-", "");
    new JdbcTemplate(EmbeddedPostgresServer.get().getPostgresDatabase()).execute("CREATE DATABASE " + name);
    return EmbeddedPostgresServer.get().getDatabase("postgres", name);
  }
}
