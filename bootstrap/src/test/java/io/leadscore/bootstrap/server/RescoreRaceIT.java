package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadscore.adapter.jdbc.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-scores racing ingest across server processes (docs/operations.md, "Scores under concurrent
 * writes"): two {@code leadscore serve} child JVMs on one fresh PostgreSQL database; both take
 * event batches for the same contacts while models are published (each publish queues a re-score
 * job, run by whichever node claims it). Afterwards, without any further event, every leaderboard
 * row equals the exact score at its {@code computedAt}, and each contact's {@code
 * score.tier_changed} notifications form a true sequence ending at its current tier.
 */
class RescoreRaceIT {
  private static final String WS = "ws";
  private static final int CONTACTS = 60;
  private static final int BATCHES = 24;
  private static final int BATCH_SIZE = 40;
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path temp;

  @Test
  void on_two_nodes_rescores_racing_ingest_end_exact_with_true_tier_sequences() throws Exception {
    try (var fresh = TestDatabases.freshPostgres()) {
      var env = new HashMap<String, String>();
      env.put("LEADSCORE_DB_URL", fresh.url());
      if (fresh.user() != null) {
        env.put("LEADSCORE_DB_USER", fresh.user());
      }
      if (fresh.password() != null) {
        env.put("LEADSCORE_DB_PASSWORD", fresh.password());
      }
      String key =
          ChildServer.cli(env, temp, "keys", "create", "--workspace", WS, "--scope", "admin")
              .lines()
              .findFirst()
              .orElseThrow();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try (var first = ChildServer.start(env, temp, List.of("-Xmx256m"));
          var second = ChildServer.start(env, temp, List.of("-Xmx256m"))) {
        var clients = List.of(new ApiClient(first::base, key), new ApiClient(second::base, key));
        ApiClient admin = clients.get(0);
        WebModel.publish(admin);

        var acknowledged = new AtomicInteger();
        var failures = new AtomicReference<String>();
        var streams = new ArrayList<Future<?>>();
        for (int stream = 0; stream < clients.size(); stream++) {
          ApiClient client = clients.get(stream);
          int s = stream;
          streams.add(
              pool.submit(
                  () -> {
                    for (int n = s; n < BATCHES; n += clients.size()) {
                      var answer = client.post("/v1/events", batch(n));
                      if (answer.status() != 200) {
                        failures.set("batch " + n + ": " + answer.status() + " " + answer.body());
                        return;
                      }
                      acknowledged.incrementAndGet();
                    }
                  }));
        }
        // publish while the batches arrive: each publication's re-score reads one snapshot while
        // the nodes go on storing and refreshing
        Future<?> publisher =
            pool.submit(
                () -> {
                  for (int publication = 1; publication <= 3; publication++) {
                    int at = publication * BATCHES / 5;
                    Await.until(
                        at + " batches acknowledged",
                        PATIENCE,
                        () -> acknowledged.get() >= at || failures.get() != null);
                    publish(clients.get(publication % 2), publication % 2 == 1 ? 80 : 50);
                  }
                });
        for (Future<?> stream : streams) {
          stream.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        publisher.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(failures.get()).isNull();

        var mismatches = new AtomicReference<List<String>>();
        boolean settled =
            Await.within(
                PATIENCE,
                () -> {
                  mismatches.set(leaderboardAgainstExactScores(admin));
                  return mismatches.get().isEmpty();
                });
        assertThat(mismatches.get())
            .as("leaderboard rows that differ from the exact score (settled: %s)", settled)
            .isEmpty();

        Map<String, String> tiers = currentTiers(admin);
        List<String> broken = new ArrayList<>();
        tierChanges(fresh.url(), fresh.user(), fresh.password())
            .forEach(
                (contact, changes) -> {
                  for (int i = 1; i < changes.size(); i++) {
                    if (!Objects.equals(changes.get(i)[0], changes.get(i - 1)[1])) {
                      broken.add(contact + ": " + sequence(changes));
                      return;
                    }
                  }
                  String last = changes.get(changes.size() - 1)[1];
                  if (!last.equals(tiers.get(contact))) {
                    broken.add(contact + ": ends " + last + ", is " + tiers.get(contact));
                  }
                });
        assertThat(broken).as("tier-change sequences that are not true").isEmpty();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Publishes the web model with the demo rule worth {@code demoPoints}; awaits its re-score. */
  private static void publish(ApiClient admin, int demoPoints) {
    String model =
        EventBatches.MODEL.replace(
            "points: 50, on: demo.requested", "points: " + demoPoints + ", on: demo.requested");
    var draft = admin.put("/v1/models/" + WebModel.ID + "/draft", "application/yaml", model);
    assertThat(draft.status()).as(draft.body()).isEqualTo(200);
    var publish = admin.post("/v1/models/" + WebModel.ID + "/publish", "{}");
    assertThat(publish.status()).as(publish.body()).isEqualTo(202);
    String job = publish.header("Location");
    Await.until(
        "re-score job " + job,
        PATIENCE,
        () -> "succeeded".equals(admin.get(job).json().path("state").asText()));
  }

  /** Batch {@code n}: demos, forms and opens for the contacts, each event distinct. */
  private static String batch(int n) {
    var random = new Random(n);
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2));
    var events = new ArrayList<String>();
    for (int i = 0; i < BATCH_SIZE; i++) {
      int roll = random.nextInt(10);
      String type = roll < 4 ? "demo.requested" : roll < 6 ? "form.submitted" : "email.opened";
      String properties = type.equals("form.submitted") ? "{\"form\": \"consultation\"}" : "{}";
      events.add(
          """
          {"eventKey": "r-%d-%d", "type": "%s", "occurredAt": "%s",
           "contact": {"email": "c%d@rescore.example"}, "properties": %s}"""
              .formatted(
                  n,
                  i,
                  type,
                  base.plusSeconds(n * 1000L + i),
                  random.nextInt(CONTACTS),
                  properties));
    }
    return "{\"events\": [" + String.join(",", events) + "]}";
  }

  /** Each leaderboard row whose score or tier differs from the exact score at its computedAt. */
  private static List<String> leaderboardAgainstExactScores(ApiClient client) {
    var problems = new ArrayList<String>();
    var page = client.get("/v1/leaderboard?model=" + WebModel.ID + "&limit=1000");
    if (page.status() != 200) {
      return List.of("leaderboard: " + page.status() + " " + page.body());
    }
    for (JsonNode row : page.json().path("items")) {
      String id = row.path("contactId").asText();
      String asOf = URLEncoder.encode(row.path("computedAt").asText(), StandardCharsets.UTF_8);
      var exact =
          client.get("/v1/contacts/" + id + "/score?model=" + WebModel.ID + "&asOf=" + asOf);
      if (exact.status() != 200
          || exact.json().path("score").decimalValue().compareTo(row.path("score").decimalValue())
              != 0
          || !exact.json().path("tier").asText().equals(row.path("tier").asText())) {
        problems.add(
            id
                + ": leaderboard "
                + row.path("score")
                + " "
                + row.path("tier")
                + ", exact "
                + exact.body());
      }
    }
    return problems;
  }

  /** Each contact's tier now, from its exact score. */
  private static Map<String, String> currentTiers(ApiClient client) {
    var tiers = new HashMap<String, String>();
    var page = client.get("/v1/leaderboard?model=" + WebModel.ID + "&limit=1000");
    for (JsonNode row : page.json().path("items")) {
      String id = row.path("contactId").asText();
      var exact = client.get("/v1/contacts/" + id + "/score?model=" + WebModel.ID);
      tiers.put(id, exact.json().path("tier").asText());
    }
    return tiers;
  }

  /** The {@code score.tier_changed} notifications by contact, as {from, to}, in stored order. */
  private static Map<String, List<String[]>> tierChanges(String url, String user, String password)
      throws Exception {
    var changes = new LinkedHashMap<String, List<String[]>>();
    try (var connection = DriverManager.getConnection(url, user, password);
        var statement =
            connection.prepareStatement(
                "SELECT payload FROM notifications WHERE type = 'score.tier_changed'"
                    + " ORDER BY created_at, id");
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        JsonNode payload = JSON.readTree(rows.getString(1));
        String from = payload.path("from").isNull() ? null : payload.path("from").asText();
        changes
            .computeIfAbsent(payload.path("contactId").asText(), id -> new ArrayList<>())
            .add(new String[] {from, payload.path("to").asText()});
      }
    }
    return changes;
  }

  private static String sequence(List<String[]> changes) {
    var text = new StringBuilder();
    for (String[] change : changes) {
      text.append(change[0]).append("->").append(change[1]).append(' ');
    }
    return text.toString().strip();
  }
}
