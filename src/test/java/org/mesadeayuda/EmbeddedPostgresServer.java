package org.mesadeayuda;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL server inside the test JVM, shared by the data-layer tests that run on it. */
public final class EmbeddedPostgresServer {

  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  public static synchronized EmbeddedPostgres get() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new IllegalStateException("embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  /** Points Spring's data source at the server. */
  public static void register(DynamicPropertyRegistry properties) {
    properties.add("spring.datasource.url", () -> get().getJdbcUrl("postgres", "postgres"));
    properties.add("spring.datasource.username", () -> "postgres");
    properties.add("spring.datasource.password", () -> "");
  }
}
