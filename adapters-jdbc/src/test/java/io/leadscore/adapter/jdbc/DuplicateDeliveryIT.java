package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.fake.Application;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * quality.md "duplicate-delivery" through the ingest use case on PostgreSQL: the same batch of new
 * contacts and events sent by two clients at the same instant, several times. Each event is stored
 * once, the two answers together count every event once as accepted and once as a duplicate, no
 * transaction fails (same new e-mails, same keys, one order), and a later re-send changes nothing.
 */
class DuplicateDeliveryIT {
  private static final int ROUNDS = 4;
  private static final int SIZE = 1000;

  @Test
  void a_batch_sent_twice_at_once_is_stored_once_and_counted_once_as_duplicates() throws Exception {
    try (var fresh = TestDatabases.freshPostgres();
        var database =
            new Database(Database.Settings.of(fresh.url(), fresh.user(), fresh.password()))) {
      database.migrate();
      Application app =
          JdbcApplication.on(new JdbcPersistence(database), Clock.systemUTC(), "test");
      ExecutorService clients = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < ROUNDS; round++) {
          List<Object> batch = IngestDriver.batch(100 + round, SIZE);
          var start = new CountDownLatch(1);
          var answers = new ArrayList<Future<IngestResult>>();
          for (int client = 0; client < 2; client++) {
            answers.add(
                clients.submit(
                    () -> {
                      start.await();
                      return app.ingest.ingest(new IngestEventsCommand("ws", "api", batch));
                    }));
          }
          start.countDown();
          IngestResult first = answers.get(0).get(60, TimeUnit.SECONDS);
          IngestResult second = answers.get(1).get(60, TimeUnit.SECONDS);

          assertThat(first.accepted() + second.accepted()).isEqualTo(SIZE);
          assertThat(first.duplicates() + second.duplicates()).isEqualTo(SIZE);
          assertThat(first.rejected()).isEmpty();
        }
      } finally {
        clients.shutdownNow();
      }
      IngestResult again =
          app.ingest.ingest(new IngestEventsCommand("ws", "api", IngestDriver.batch(100, SIZE)));
      assertThat(again.accepted()).isZero();
      try (var handle = database.jdbi().open()) {
        assertThat(handle.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one())
            .isEqualTo((long) ROUNDS * SIZE);
        assertThat(
                handle
                    .createQuery("SELECT COUNT(*) - COUNT(DISTINCT email) FROM contacts")
                    .mapTo(Long.class)
                    .one())
            .isZero();
      }
    }
  }
}
