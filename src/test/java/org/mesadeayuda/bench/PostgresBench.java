package org.mesadeayuda.bench;

import org.mesadeayuda.EmbeddedPostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The benchmark on PostgreSQL 15 (embedded, started inside the test JVM), the production database. */
class PostgresBench extends SupportRequestBench {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    EmbeddedPostgresServer.register(properties);
  }

  @Override
  String database() {
    return "PostgreSQL";
  }
}
