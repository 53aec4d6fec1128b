package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.adapter.jdbc.CuttableProxy;
import io.leadscore.adapter.jdbc.TestDatabases;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import io.leadscore.bootstrap.server.EventBatches.Batch;
import io.leadscore.bootstrap.server.TestServer.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * quality.md "database-down" over HTTP: the server (in this JVM) reaches PostgreSQL through a
 * {@link CuttableProxy}; while a client streams batches, the proxy is cut (every connection
 * dropped, new ones refused, as when the database stops immediately) and, after a run of probe
 * requests across the API (about ten seconds, each waiting out the 1 s connect timeout), restored.
 *
 * <p>While it is down, every request that needs the database answers 503 with {@code Retry-After}
 * (never a 2xx) and {@code /ready} says degraded; once it is back the server serves again without a
 * restart. Every batch is all or nothing: the streamed ones are stored whole exactly once, and each
 * probe batch (sent once, while down, never retried) is stored wholly or not at all.
 */
class DatabaseDownOverHttpIT {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseDownOverHttpIT.class);
  private static final int BATCHES = 16;
  private static final int BATCH_SIZE = 100;
  private static final int PROBES = 10;
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void while_the_database_is_down_requests_answer_503_and_the_server_recovers_alone()
      throws Exception {
    try (var fresh = TestDatabases.freshPostgres()) {
      URI direct = URI.create(fresh.url().substring("jdbc:".length()));
      try (var proxy = new CuttableProxy(direct.getHost(), direct.getPort())) {
        String viaProxy =
            "jdbc:postgresql://127.0.0.1:"
                + proxy.port()
                + direct.getPath()
                + (direct.getQuery() == null ? "" : "?" + direct.getQuery());
        var defaults = TestServer.config(viaProxy, fresh.user(), fresh.password());
        var config =
            defaults.withDatabase(
                new LeadscoreConfig.DatabaseConfig(
                    viaProxy,
                    fresh.user(),
                    fresh.password(),
                    4,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    true));
        try (var server = TestServer.start(config, () -> {})) {
          run(server, proxy, new StoredEvents(fresh.url(), fresh.user(), fresh.password()));
        }
      }
    }
  }

  private void run(TestServer server, CuttableProxy proxy, StoredEvents stored) throws Exception {
    var client = new ApiClient(server::base, server.key("ws", Scope.ADMIN));
    WebModel.publish(client);
    var streamed = new EventBatches("down", BATCH_SIZE, 40, true);
    var probes = new EventBatches("probe", BATCH_SIZE, 40, true);

    var finals = new ConcurrentHashMap<Integer, Answer>();
    var failures = new CopyOnWriteArrayList<Answer>();
    var acknowledged = new AtomicInteger();
    var stream = Executors.newSingleThreadExecutor();
    var streaming =
        stream.submit(
            () -> {
              for (int n = 0; n < BATCHES; n++) {
                finals.put(n, sendUntilAcknowledged(client, streamed.batch(n), failures));
                acknowledged.incrementAndGet();
              }
            });
    try {
      Await.until("3 batches acknowledged", PATIENCE, () -> acknowledged.get() >= 3);
      proxy.cut();
      LOG.info("database cut after {} batches acknowledged", acknowledged.get());

      // a round of requests across the API while it is down: none may be a 2xx
      var whileDown = new ArrayList<String>();
      var refusals = new AtomicInteger();
      List<Supplier<Answer>> requests =
          List.of(
              () -> client.get("/ready"),
              () -> client.get("/v1/leaderboard?model=web"),
              () -> client.get("/v1/models"),
              () ->
                  client.put(
                      "/v1/contacts", "application/json", "{\"email\":\"down@example.com\"}"),
              () -> client.get("/v1/contacts/unknown/score?model=web"));
      for (int probe = 0; probe < PROBES; probe++) {
        check(client.post("/v1/events", probes.batch(probe).json()), "probe batch " + probe);
        refusals.incrementAndGet();
        var answer = requests.get(probe % requests.size()).get();
        check(answer, answer.raw().request().method() + " " + answer.raw().uri().getPath());
        refusals.incrementAndGet();
        whileDown.add(answer.raw().uri().getPath() + " " + answer.status());
      }
      var ready = client.get("/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().path("status").asText()).isEqualTo("degraded");

      proxy.restore();
      LOG.info("database restored after {} refusals: {}", refusals.get(), whileDown);
      Await.until("/ready answers 200 again", PATIENCE, () -> client.get("/ready").status() == 200);
      streaming.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } finally {
      stream.shutdownNow();
    }

    assertThat(failures)
        .as("what the stream got while the database was down")
        .allSatisfy(answer -> assertRefused(answer, "a streamed batch"));
    long storedBeforeTheAnswerWasLost = 0;
    for (Map.Entry<Integer, Answer> entry : finals.entrySet()) {
      int accepted = entry.getValue().json().path("accepted").asInt();
      int duplicates = entry.getValue().json().path("duplicates").asInt();
      assertThat(List.of(accepted, duplicates))
          .as("batch %d: all or nothing", entry.getKey())
          .isIn(List.of(BATCH_SIZE, 0), List.of(0, BATCH_SIZE));
      if (duplicates == BATCH_SIZE) {
        storedBeforeTheAnswerWasLost++;
      }
    }
    var after = client.post("/v1/events", streamed.batch(BATCHES).json());
    assertThat(after.status()).as(after.body()).isEqualTo(200);
    assertThat(after.json().path("accepted").asInt()).isEqualTo(BATCH_SIZE);

    Map<String, Long> counts = stored.keyCounts();
    assertThat(counts.values()).allMatch(count -> count == 1);
    for (int n = 0; n <= BATCHES; n++) {
      assertThat(counts.keySet()).containsAll(streamed.batch(n).explicitKeys());
    }
    int probesStored = 0;
    for (int probe = 0; probe < PROBES; probe++) {
      long found = stored.matching(probes.keyPattern(probe));
      assertThat(found).as("probe batch %d: all or nothing", probe).isIn(0L, (long) BATCH_SIZE);
      probesStored += found == 0 ? 0 : 1;
    }
    assertThat(counts).hasSize((BATCHES + 1) * BATCH_SIZE + probesStored * BATCH_SIZE);
    LOG.info(
        "database-down: stream retried {} times ({} batches stored before their answer was lost),"
            + " {} probe batches stored of {} refused",
        failures.size(),
        storedBeforeTheAnswerWasLost,
        probesStored,
        PROBES);
  }

  /** A request made while the database is down: 503 with Retry-After, never a 2xx. */
  private static void check(Answer answer, String what) {
    assertRefused(answer, what);
  }

  private static void assertRefused(Answer answer, String what) {
    assertThat(answer.status()).as("%s: %s", what, answer.body()).isEqualTo(503);
    assertThat(answer.header("Retry-After")).as("%s: Retry-After", what).isNotBlank();
  }

  /**
   * Posts {@code batch} until a 2xx; after a refusal, waits until {@code /ready} says the database
   * is back instead of sleeping out the Retry-After.
   */
  private static Answer sendUntilAcknowledged(
      ApiClient client, Batch batch, List<Answer> failures) {
    for (int attempt = 1; attempt <= 10; attempt++) {
      var answer = client.post("/v1/events", batch.json());
      if (answer.status() == 200) {
        return answer;
      }
      failures.add(answer);
      Await.within(PATIENCE, () -> client.get("/ready").status() == 200);
    }
    throw new AssertionError("batch " + batch.number() + " never acknowledged");
  }
}
