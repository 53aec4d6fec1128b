package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.adapter.jdbc.TestDatabases;
import io.leadscore.application.port.out.Scope;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A graceful stop ({@code Node.close()}, what SIGTERM runs): a request in flight when the stop
 * begins still completes with its 2xx answer and its events stored, while new connections are
 * refused from the moment the stop began.
 *
 * <p>The request is held in flight deterministically: another session locks the {@code events}
 * table, the ingest waits for the lock (PostgreSQL shows the session waiting), the stop begins, the
 * test sees new connections refused, and only then releases the lock (well within the 5 s lock
 * timeout that would otherwise fail the ingest).
 */
class GracefulShutdownIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final int BATCH_SIZE = 1000;

  @Test
  void a_request_in_flight_completes_while_new_connections_are_refused() throws Exception {
    try (var fresh = TestDatabases.freshPostgres()) {
      var stored = new StoredEvents(fresh.url(), fresh.user(), fresh.password());
      var server =
          TestServer.start(
              TestServer.config(fresh.url(), fresh.user(), fresh.password()), () -> {});
      CompletableFuture<Void> stopping = null;
      try {
        String key = server.key("ws", Scope.WRITE);
        var batch = new EventBatches("graceful", BATCH_SIZE, 100, true).batch(0);
        CompletableFuture<HttpResponse<String>> inFlight;
        try (Connection locker = stored.connect();
            Connection monitor = stored.connect()) {
          locker.setAutoCommit(false);
          locker.createStatement().execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE");

          inFlight =
              HttpClient.newHttpClient()
                  .sendAsync(
                      new ApiClient(server::base, key)
                          .request("/v1/events")
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(batch.json()))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          Await.until(
              "the ingest waits for the lock",
              PATIENCE,
              () -> sessionsWaitingForALock(monitor) > 0);

          stopping = CompletableFuture.runAsync(() -> closeQuietly(server));
          int port = server.node().port();
          Await.until("new connections refused", PATIENCE, () -> !accepts(port));
          assertThat(inFlight).as("the ingest is still in flight").isNotDone();
          assertThat(stopping).as("the stop waits for it").isNotDone();

          locker.rollback(); // the ingest goes on
        }
        var answer = inFlight.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"accepted\":" + BATCH_SIZE);
        stopping.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(stored.count()).isEqualTo(BATCH_SIZE);
      } finally {
        if (stopping == null) {
          server.close();
        }
      }
    }
  }

  private static void closeQuietly(TestServer server) {
    try {
      server.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean accepts(int port) {
    try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static long sessionsWaitingForALock(Connection monitor) {
    try (var statement =
            monitor.prepareStatement(
                """
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'
                """);
        var rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
