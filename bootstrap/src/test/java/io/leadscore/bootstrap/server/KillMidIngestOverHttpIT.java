package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadscore.adapter.jdbc.Database;
import io.leadscore.adapter.jdbc.TestDatabases;
import io.leadscore.bootstrap.server.EventBatches.Batch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * quality.md "kill-mid-ingest" end to end: the server runs as a child JVM ({@code java -jar
 * leadscore.jar serve}, configured by environment variables) while two client streams post event
 * batches to {@code POST /v1/events}, retrying each batch until it gets a 2xx. The server is killed
 * with SIGKILL twice at random points and restarted on the same database each time. Afterwards:
 *
 * <ul>
 *   <li>every batch answered 2xx is stored, and a re-send of it counts only duplicates;
 *   <li>a batch whose answer was lost to the kill is found whole or not at all by its re-send;
 *   <li>the database holds every event exactly once;
 *   <li>every materialised score on the leaderboard equals the exact score ({@code GET
 *       .../score?asOf=<computedAt>}, the pure engine over the stored events).
 * </ul>
 *
 * <p>The kill points come from a seed, logged, and given again with {@code -Dleadscore.seed=N}. The
 * short pause before a kill (from the same seed) is where the kill lands, not a wait for anything.
 */
class KillMidIngestOverHttpIT {
  private static final Logger LOG = LoggerFactory.getLogger(KillMidIngestOverHttpIT.class);
  private static final String WS = "ws";
  private static final int BATCHES = 30;
  private static final int BATCH_SIZE = 200;
  private static final int CONTACTS = 150;
  private static final int STREAMS = 2;
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path temp;

  @Test
  void on_the_embedded_database_every_acknowledged_event_survives_kills_once() throws Exception {
    String url = Database.embeddedUrl(String.valueOf(temp.resolve("kill").toAbsolutePath()));
    run(url, null, null);
  }

  @Test
  void on_postgresql_every_acknowledged_event_survives_kills_once() throws Exception {
    try (var fresh = TestDatabases.freshPostgres()) {
      run(fresh.url(), fresh.user(), fresh.password());
    }
  }

  /** What one stream saw for a batch: its final 2xx answer and the failed attempts before it. */
  record Outcome(int accepted, int duplicates, int rejected, List<Integer> failures) {}

  private void run(String url, String user, String password) throws Exception {
    long seed = Long.getLong("leadscore.seed", System.nanoTime());
    LOG.info("kill-mid-ingest on {} with seed {}", url, seed);
    var random = new Random(seed);
    var env = new HashMap<String, String>();
    env.put("LEADSCORE_DB_URL", url);
    if (user != null) {
      env.put("LEADSCORE_DB_USER", user);
    }
    if (password != null) {
      env.put("LEADSCORE_DB_PASSWORD", password);
    }
    String key =
        ChildServer.cli(env, temp, "keys", "create", "--workspace", WS, "--scope", "admin")
            .lines()
            .findFirst()
            .orElseThrow();

    var server = new AtomicReference<>(ChildServer.start(env, temp, List.of("-Xmx256m")));
    var batches = new EventBatches("kill", BATCH_SIZE, CONTACTS, false);
    var outcomes = new ConcurrentHashMap<Integer, Outcome>();
    var acknowledged = new AtomicInteger();
    var pool = Executors.newFixedThreadPool(STREAMS + 1);
    try {
      var client = new ApiClient(() -> server.get().base(), key);
      WebModel.publish(client);

      var streams = new ArrayList<Future<?>>();
      for (int stream = 0; stream < STREAMS; stream++) {
        int first = stream;
        streams.add(
            pool.submit(
                () -> {
                  for (int n = first; n < BATCHES; n += STREAMS) {
                    outcomes.put(n, sendUntilAcknowledged(client, batches.batch(n)));
                    acknowledged.incrementAndGet();
                  }
                }));
      }

      int killAt = 2 + random.nextInt(BATCHES / 3);
      for (int kill = 1; kill <= 2; kill++) {
        int threshold = killAt;
        Await.until(
            threshold + " batches acknowledged", PATIENCE, () -> acknowledged.get() >= threshold);
        long pauseMillis = random.nextInt(250);
        var killed =
            Executors.newSingleThreadScheduledExecutor()
                .schedule(
                    () -> {
                      int before = acknowledged.get();
                      server.get().kill();
                      return before;
                    },
                    pauseMillis,
                    TimeUnit.MILLISECONDS);
        int ackedBeforeKill = killed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        LOG.info(
            "kill {}: SIGKILL {} ms after batch ack {} ({} acknowledged)",
            kill,
            pauseMillis,
            threshold,
            ackedBeforeKill);
        server.set(ChildServer.start(env, temp, List.of("-Xmx256m")));
        killAt = ackedBeforeKill + 3 + random.nextInt(BATCHES / 3);
      }
      for (Future<?> stream : streams) {
        stream.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
      assertThat(outcomes).hasSize(BATCHES);

      // every answer was whole: all events counted, none rejected, and nothing in between
      int inDoubt = 0;
      int storedBeforeTheAnswerWasLost = 0;
      for (var entry : outcomes.entrySet()) {
        Outcome outcome = entry.getValue();
        assertThat(outcome.rejected()).isZero();
        if (outcome.failures().isEmpty()) {
          assertThat(outcome.accepted())
              .as("batch %d sent once", entry.getKey())
              .isEqualTo(BATCH_SIZE);
        } else {
          inDoubt++;
          assertThat(List.of(outcome.accepted(), outcome.duplicates()))
              .as("batch %d after failed attempts %s: all or nothing", entry.getKey(), outcome)
              .isIn(List.of(BATCH_SIZE, 0), List.of(0, BATCH_SIZE));
          if (outcome.duplicates() == BATCH_SIZE) {
            storedBeforeTheAnswerWasLost++;
          }
        }
      }

      // re-sending acknowledged batches counts nothing twice
      var resent = new TreeSet<Integer>();
      for (int i = 0; i < 6; i++) {
        resent.add(random.nextInt(BATCHES));
      }
      for (int n : resent) {
        var answer = client.post("/v1/events", batches.batch(n).json());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).as("batch %d re-sent", n).isZero();
        assertThat(answer.json().path("duplicates").asInt()).isEqualTo(BATCH_SIZE);
      }

      var emails = new TreeSet<String>();
      for (int n = 0; n < BATCHES; n++) {
        emails.addAll(batches.batch(n).emails());
      }
      var mismatches = new AtomicReference<List<String>>();
      boolean settled =
          Await.within(
              PATIENCE,
              () -> {
                mismatches.set(leaderboardAgainstExactScores(client, emails.size()));
                return mismatches.get().isEmpty();
              });
      assertThat(mismatches.get())
          .as("leaderboard rows that differ from the exact score (settled: %s)", settled)
          .isEmpty();
      LOG.info(
          "kill-mid-ingest: {} batches of {}, {} retried after a kill ({} of them already stored),"
              + " re-sent {}, {} contacts on the leaderboard",
          BATCHES,
          BATCH_SIZE,
          inDoubt,
          storedBeforeTheAnswerWasLost,
          resent,
          emails.size());
    } finally {
      pool.shutdownNow();
      server.get().stop();
    }

    var stored = new StoredEvents(url, user, password);
    Map<String, Long> counts = stored.keyCounts();
    assertThat(counts).hasSize(BATCHES * BATCH_SIZE);
    assertThat(counts.values()).allMatch(count -> count == 1);
    for (int n = 0; n < BATCHES; n++) {
      assertThat(counts.keySet()).containsAll(batches.batch(n).explicitKeys());
    }
  }

  /** Posts {@code batch} until a 2xx; after no answer, waits until the server answers again. */
  private static Outcome sendUntilAcknowledged(ApiClient client, Batch batch) {
    var failures = new ArrayList<Integer>();
    while (true) {
      var answer = client.tryPost("/v1/events", batch.json());
      if (answer != null && answer.status() == 200) {
        JsonNode body = answer.json();
        return new Outcome(
            body.path("accepted").asInt(),
            body.path("duplicates").asInt(),
            body.path("rejected").size(),
            failures);
      }
      failures.add(answer == null ? -1 : answer.status());
      if (answer != null && answer.status() != 503 && answer.status() != 429) {
        throw new AssertionError("batch " + batch.number() + ": " + answer.body());
      }
      if (failures.size() > 20) {
        throw new AssertionError("batch " + batch.number() + " never acknowledged: " + failures);
      }
      Await.until(
          "the server answers again",
          PATIENCE,
          () -> {
            var health = client.tryGet("/health");
            return health != null && health.status() == 200;
          });
    }
  }

  /**
   * Each leaderboard row whose score or tier differs from {@code GET .../score} at its {@code
   * computedAt}, and a line if the leaderboard does not have {@code contacts} rows.
   */
  private static List<String> leaderboardAgainstExactScores(ApiClient client, int contacts) {
    var problems = new ArrayList<String>();
    var page = client.get("/v1/leaderboard?model=" + WebModel.ID + "&limit=1000");
    if (page.status() != 200) {
      return List.of("leaderboard: " + page.status() + " " + page.body());
    }
    JsonNode items = page.json().path("items");
    if (items.size() != contacts) {
      problems.add("leaderboard has " + items.size() + " rows, not " + contacts);
    }
    Set<String> seen = new TreeSet<>();
    for (JsonNode row : items) {
      String id = row.path("contactId").asText();
      if (!seen.add(id)) {
        problems.add(id + " twice on the leaderboard");
      }
      String asOf = URLEncoder.encode(row.path("computedAt").asText(), StandardCharsets.UTF_8);
      var exact =
          client.get("/v1/contacts/" + id + "/score?model=" + WebModel.ID + "&asOf=" + asOf);
      if (exact.status() != 200) {
        problems.add(id + ": score " + exact.status());
        continue;
      }
      JsonNode score = exact.json();
      if (score.path("score").decimalValue().compareTo(row.path("score").decimalValue()) != 0
          || !score.path("tier").asText().equals(row.path("tier").asText())) {
        problems.add(
            id
                + ": leaderboard "
                + row.path("score")
                + " "
                + row.path("tier")
                + ", exact "
                + score.path("score")
                + " "
                + score.path("tier"));
      }
    }
    return problems;
  }
}
