package org.mesadeayuda.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.EmbeddedPostgresServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attachment table (V18) on PostgreSQL (the API tests run it on H2): the bytes come back as they went in (bytea),
 * lists never carry them, and two uploads at once to one case never pass its total together.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(AttachmentStore.class)
class AttachmentStorePostgresTest {

  static final long MB = 1024 * 1024;

  @Autowired AttachmentStore store;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    EmbeddedPostgresServer.register(properties);
  }

  @BeforeEach
  void setUp() {
    jdbc.sql("DELETE FROM attachment").update();
    jdbc.sql("DELETE FROM attachment_case_total").update();
  }

  @Test
  void aFileIsKeptWholeAndListedWithoutItsBytes() {
    byte[] content = AttachmentApiTest.pdf(300_000);
    content[299_999] = (byte) 0xFF;
    long id = new TransactionTemplate(transactions).execute(status -> {
      assertThat(store.reserve("SOP-2026-000101", content.length, 25 * MB)).isTrue();
      return store.insert("SOP-2026-000101", "acta.pdf", FileType.PDF, content, "a".repeat(64), "ana.solicitante",
          Instant.parse("2026-12-04T15:00:00Z"), "task-1", "Task_AttendRequest");
    });

    AttachmentStore.Content stored = store.content("SOP-2026-000101", id).orElseThrow();
    assertThat(stored.bytes()).isEqualTo(content);
    assertThat(stored.attachment().contentType()).isEqualTo("application/pdf");
    assertThat(stored.attachment().step()).isEqualTo("Task_AttendRequest");
    assertThat(store.list("SOP-2026-000101")).extracting(Attachment::fileName).containsExactly("acta.pdf");
    assertThat(store.content("SOP-2026-000999", id)).isEmpty();
    assertThat(store.total("SOP-2026-000101")).isEqualTo(300_000);
  }

  @Test
  void twoUploadsAtOnceNeverPassTheCaseTotalTogether() throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> uploads = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int upload = i;
        uploads.add(threads.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return new TransactionTemplate(transactions).execute(status -> {
            if (!store.reserve("SOP-2026-000102", 15 * MB, 25 * MB)) {
              return false;
            }
            store.insert("SOP-2026-000102", "parte-" + upload + ".pdf", FileType.PDF, new byte[] {1}, "b".repeat(64),
                "ana.solicitante", Instant.now(), null, null);
            return true;
          });
        }));
      }
      int accepted = 0;
      for (Future<Boolean> upload : uploads) {
        accepted += upload.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
      assertThat(store.list("SOP-2026-000102")).hasSize(1);
    } finally {
      threads.shutdownNow();
    }
  }
}
