package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.application.fake.Application;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * quality.md "database-down" at the store level: PostgreSQL becomes unreachable in the middle of
 * ingesting (every connection dropped, new ones refused, through a proxy), then comes back. While
 * it is down every ingest fails with an exception (never an answer for what was not stored);
 * afterwards the same pool serves again without a restart, and exactly the acknowledged batches are
 * stored.
 */
class DatabaseDownIT {
  @Test
  void ingest_fails_while_the_database_is_down_and_recovers_alone_when_it_returns()
      throws Exception {
    try (var fresh = TestDatabases.freshPostgres()) {
      URI direct = URI.create(fresh.url().substring("jdbc:".length()));
      try (var proxy = new CuttableProxy(direct.getHost(), direct.getPort())) {
        String viaProxy =
            "jdbc:postgresql://127.0.0.1:"
                + proxy.port()
                + direct.getPath()
                + (direct.getQuery() == null ? "" : "?" + direct.getQuery());
        var settings =
            new Database.Settings(
                viaProxy,
                fresh.user(),
                fresh.password(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                2);
        try (var database = new Database(settings)) {
          database.migrate();
          Application app =
              JdbcApplication.on(new JdbcPersistence(database), Clock.systemUTC(), "test");

          assertThat(ingest(app, 0).accepted()).isEqualTo(100);

          proxy.cut();
          for (int attempt = 1; attempt <= 3; attempt++) {
            int batch = attempt;
            assertThatThrownBy(() -> ingest(app, batch)).isInstanceOf(RuntimeException.class);
          }

          proxy.restore();
          assertThat(ingest(app, 1).accepted()).isEqualTo(100);
          assertThat(ingest(app, 0).duplicates()).isEqualTo(100);
          try (var handle = database.jdbi().open()) {
            assertThat(handle.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one())
                .isEqualTo(200);
          }
        }
      }
    }
  }

  private static IngestResult ingest(Application app, int batch) {
    List<Object> events = IngestDriver.batch(batch, 100);
    return app.ingest.ingest(new IngestEventsCommand("ws", "api", events));
  }
}
