package org.mesadeayuda.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps the embedded H2 file from growing without end (issue 19). With {@code WRITE_DELAY=0} (every commit on disk
 * before it returns, issue 13) H2 runs no background writer, and only that thread rewrites the sparse parts of the file
 * so their space can be used again: each commit appends, and under a steady load the file grew by gigabytes an hour
 * (65 GB in 47 minutes of the benchmark's steady load, until the disk was full) while commits got slower as it grew.
 * This does that thread's housekeeping on a schedule: when the live data fill less than
 * {@code mesa.h2.compact-fill-rate} percent of the file's chunks, up to {@code mesa.h2.compact-write} of live pages
 * are rewritten every {@code mesa.h2.compact-interval}, so old chunks empty out and their space is reused after H2's
 * retention time (45 s, kept: a shorter one risks the file on a power cut). The file then levels off at its live data
 * plus about two retention times of writing (a few GB under the benchmark's full load, little at a help desk's). H2's own
 * compaction ({@link MVStore#compact(int, int)}), run under its store lock next to the application's transactions;
 * nothing is ever removed that a transaction can still read. Off on PostgreSQL (its autovacuum does this).
 */
@Component
public class H2FileMaintenance {

  private static final Logger LOG = LoggerFactory.getLogger(H2FileMaintenance.class);

  private final DataSource dataSource;
  private final int fillRate;
  private final int writeBytes;
  private volatile Boolean embeddedH2File;

  public H2FileMaintenance(DataSource dataSource, @Value("${mesa.h2.compact-fill-rate:70}") int fillRate,
      @Value("${mesa.h2.compact-write:64MB}") DataSize write) {
    this.dataSource = dataSource;
    this.fillRate = fillRate;
    this.writeBytes = (int) Math.min(Integer.MAX_VALUE, write.toBytes());
  }

  @Scheduled(initialDelayString = "${mesa.h2.compact-interval:PT1S}",
      fixedDelayString = "${mesa.h2.compact-interval:PT1S}")
  public void compact() {
    if (Boolean.FALSE.equals(embeddedH2File)) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      Optional<MVStore> store = store(connection);
      embeddedH2File = store.isPresent();
      if (store.isEmpty()) {
        return;
      }
      MVStore mvStore = store.get();
      int before = mvStore.getFileStore().getChunksFillRate();
      if (mvStore.compact(fillRate, writeBytes)) {
        LOG.debug("H2 file compacted: chunks {} % full before, {} % after; file {} MB", before,
            mvStore.getFileStore().getChunksFillRate(), mvStore.getFileStore().size() / 1_048_576);
      }
    } catch (SQLException | RuntimeException e) {
      // housekeeping only: the next run tries again
      LOG.warn("H2 file housekeeping failed: {}", e.toString());
    }
  }

  /** The MVStore behind an embedded H2 file database, if that is what the connection is to. */
  public static Optional<MVStore> store(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)) {
      return Optional.empty();
    }
    if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
        || !session.getDatabase().isPersistent() || session.getDatabase().getStore() == null) {
      return Optional.empty();
    }
    MVStore store = session.getDatabase().getStore().getMvStore();
    return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
  }
}
