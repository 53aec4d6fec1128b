package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadscore.adapter.jdbc.Database;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Writes to one contact racing each other over HTTP (docs/api.md, "Erase" and "Upsert"), on the
 * embedded database and on PostgreSQL: an erase racing a stream of ingests leaves nothing of the
 * erased contact (no orphan event, score, mark, identity; no key spent), and never a 500; sixteen
 * concurrent tag edits all survive; sixteen concurrent upserts creating one contact all succeed.
 */
class ContactRacesIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Nested
  class OnH2 extends Checks {
    @Override
    TestServer.Kind kind() {
      return TestServer.Kind.H2;
    }
  }

  @Nested
  class OnPostgres extends Checks {
    @Override
    TestServer.Kind kind() {
      return TestServer.Kind.POSTGRES;
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Checks {
    private TestServer server;
    private String admin;
    private String write;
    private String eraseAdmin;
    private String eraseWrite;

    abstract TestServer.Kind kind();

    @BeforeAll
    void start() {
      // 32 write slots, so one workspace's share (half) admits the 16 concurrent writers at once:
      // at the default 16 the share is 8 and the rest get a retryable 429, which is not the race
      server = TestServer.start(kind(), Clock.systemUTC(), ContactRacesIT::sixteenWritersAtOnce);
      admin = server.key("race-ws", Scope.ADMIN);
      write = server.key("race-ws", Scope.WRITE);
      WebModel.publish(new ApiClient(server::base, admin));
      eraseAdmin = server.key("erase-ws", Scope.ADMIN);
      eraseWrite = server.key("erase-ws", Scope.WRITE);
      WebModel.publish(new ApiClient(server::base, eraseAdmin));
    }

    @AfterAll
    void stop() throws Exception {
      if (server != null) {
        server.close();
      }
    }

    @Test
    void an_erase_racing_ingests_leaves_nothing_of_the_contact_and_no_500() throws Exception {
      List<String> emails = List.of("e1@race.example", "e2@race.example", "e3@race.example");
      int streams = 3;
      int batches = 30;
      var statuses = new ConcurrentHashMap<Integer, Integer>();
      var acknowledged = Collections.synchronizedList(new ArrayList<String>());
      var ingesting = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(streams + 1);
      try {
        var work = new ArrayList<Future<?>>();
        for (int stream = 0; stream < streams; stream++) {
          int s = stream;
          work.add(
              pool.submit(
                  () -> {
                    for (int n = 0; n < batches; n++) {
                      String batch = batch("s" + s + "-b" + n, emails, 20);
                      var answer = server.post("/v1/events", eraseWrite, batch);
                      statuses.merge(answer.status(), 1, Integer::sum);
                      if (answer.status() == 200) {
                        acknowledged.add(batch);
                      }
                      if (n % 5 == 0) {
                        var tagged =
                            server.put(
                                "/v1/contacts",
                                eraseWrite,
                                "application/json",
                                "{\"email\": \"%s\", \"addTags\": [\"t%d\"], \"externalId\":"
                                        .formatted(emails.get(n % emails.size()), s)
                                    + " {\"source\": \"crm\", \"id\": \"x%d-%d\"}}"
                                        .formatted(s, n));
                        statuses.merge(tagged.status(), 1, Integer::sum);
                      }
                    }
                  }));
        }
        var erases = new ConcurrentHashMap<Integer, Integer>();
        Future<?> eraser =
            pool.submit(
                () -> {
                  while (ingesting.get()) {
                    for (String email : emails) {
                      String id = idOf(email, eraseAdmin);
                      if (id != null) {
                        var erased = server.delete("/v1/contacts/" + id, eraseWrite);
                        erases.merge(erased.status(), 1, Integer::sum);
                      }
                    }
                  }
                });
        for (Future<?> stream : work) {
          stream.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        ingesting.set(false);
        eraser.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(statuses.keySet())
            .as("ingest and upsert answers %s", statuses)
            .isSubsetOf(200, 503);
        assertThat(erases.keySet()).as("erase answers %s", erases).isSubsetOf(204, 404);
        assertThat(erases.getOrDefault(204, 0)).as("erases that found a contact").isPositive();
        assertThat(orphans()).as("rows naming no contact").isEmpty();

        // erase what is left: then nothing of the workspace's contacts remains, and every key
        // acknowledged before is free again
        for (String email : emails) {
          String id = idOf(email, eraseAdmin);
          if (id != null) {
            assertThat(server.delete("/v1/contacts/" + id, eraseWrite).status()).isEqualTo(204);
          }
        }
        assertThat(rowsOfWorkspace()).as("rows left after erasing every contact").isEmpty();
        for (String batch : acknowledged) {
          var again = server.post("/v1/events", eraseWrite, batch);
          assertThat(again.status()).as(again.body()).isEqualTo(200);
          assertThat(again.json().path("duplicates").asInt())
              .as("keys spent by an erased contact")
              .isZero();
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void sixteen_concurrent_tag_edits_all_survive() throws Exception {
      String email = "tags@race.example";
      var created =
          server.put("/v1/contacts", write, "application/json", "{\"email\": \"" + email + "\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      List<Integer> answers = concurrently(16, n -> addTag(email, n));
      assertThat(answers).containsOnly(200);
      assertThat(tagsOf(email)).containsExactlyInAnyOrderElementsOf(tags(16));
    }

    @Test
    void sixteen_concurrent_upserts_creating_one_contact_all_succeed() throws Exception {
      String email = "new@race.example";
      List<Integer> answers = concurrently(16, n -> addTag(email, n));
      assertThat(answers).containsOnly(200);
      assertThat(tagsOf(email)).containsExactlyInAnyOrderElementsOf(tags(16));
    }

    private int addTag(String email, int n) {
      return server
          .put(
              "/v1/contacts",
              write,
              "application/json",
              "{\"email\": \"%s\", \"addTags\": [\"t%d\"]}".formatted(email, n))
          .status();
    }

    private static List<String> tags(int count) {
      var tags = new ArrayList<String>();
      for (int n = 0; n < count; n++) {
        tags.add("t" + n);
      }
      return tags;
    }

    private List<String> tagsOf(String email) {
      var found = lookUp(email);
      assertThat(found.size()).as("contacts with e-mail " + email).isEqualTo(1);
      var tags = new ArrayList<String>();
      found.get(0).path("tags").forEach(tag -> tags.add(tag.asText()));
      return tags;
    }

    /** Runs {@code work(0..count-1)} on {@code count} threads released at once. */
    private static List<Integer> concurrently(int count, java.util.function.IntUnaryOperator work)
        throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(count);
      try {
        var gate = new CountDownLatch(1);
        var results = new ArrayList<Future<Integer>>();
        for (int n = 0; n < count; n++) {
          int i = n;
          results.add(
              pool.submit(
                  () -> {
                    gate.await();
                    return work.applyAsInt(i);
                  }));
        }
        gate.countDown();
        var answers = new ArrayList<Integer>();
        for (Future<Integer> result : results) {
          answers.add(result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        return answers;
      } finally {
        pool.shutdownNow();
      }
    }

    private JsonNode lookUp(String email) {
      return lookUp(email, admin);
    }

    private JsonNode lookUp(String email, String key) {
      var answer =
          server.get("/v1/contacts?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), key);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      return answer.json().path("items");
    }

    private String idOf(String email, String key) {
      JsonNode items = lookUp(email, key);
      return items.isEmpty() ? null : items.get(0).path("id").asText();
    }

    /** A batch of {@code size} events with explicit keys {@code <name>-<i>}, over the e-mails. */
    private static String batch(String name, List<String> emails, int size) {
      Instant at = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
      var events = new ArrayList<String>();
      for (int i = 0; i < size; i++) {
        events.add(
            """
            {"eventKey": "%s-%d", "type": "email.clicked", "occurredAt": "%s",
             "contact": {"email": "%s"}}"""
                .formatted(name, i, at.minusSeconds(i), emails.get(i % emails.size())));
      }
      return "{\"events\": [" + String.join(",", events) + "]}";
    }

    /** Rows of any contact-owned table whose contact does not exist, by table. */
    private Map<String, Long> orphans() {
      var found = new java.util.TreeMap<String, Long>();
      String events =
          """
          SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM contacts c
            WHERE c.workspace_id = e.workspace_id AND c.seq = e.contact_seq)""";
      count(found, "events", events);
      for (String table :
          List.of("scores", "score_topics", "score_refresh_queue", "contact_external_ids")) {
        count(
            found,
            table,
            "SELECT COUNT(*) FROM "
                + table
                + " t WHERE NOT EXISTS (SELECT 1 FROM contacts c"
                + " WHERE c.workspace_id = t.workspace_id AND c.id = t.contact_id)");
      }
      count(
          found,
          "notifications",
          """
          SELECT COUNT(*) FROM notifications t WHERE t.contact_id IS NOT NULL AND NOT EXISTS
            (SELECT 1 FROM contacts c WHERE c.workspace_id = t.workspace_id AND c.id = t.contact_id)""");
      return found;
    }

    /** Rows of the race workspace's contact-owned tables, by table. */
    private Map<String, Long> rowsOfWorkspace() {
      var found = new java.util.TreeMap<String, Long>();
      for (String table :
          List.of(
              "contacts",
              "events",
              "scores",
              "score_topics",
              "score_refresh_queue",
              "contact_external_ids")) {
        count(found, table, "SELECT COUNT(*) FROM " + table + " WHERE workspace_id = 'erase-ws'");
      }
      count(
          found,
          "notifications",
          "SELECT COUNT(*) FROM notifications WHERE workspace_id = 'erase-ws'"
              + " AND contact_id IS NOT NULL");
      return found;
    }

    private void count(Map<String, Long> found, String table, String sql) {
      long count =
          server
              .node()
              .get(Database.class)
              .jdbi()
              .withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
      if (count > 0) {
        found.put(table, count);
      }
    }
  }

  private static LeadscoreConfig sixteenWritersAtOnce(LeadscoreConfig config) {
    var server = config.server();
    return config.withServer(
        new LeadscoreConfig.Server(
            server.host(),
            server.port(),
            server.maxThreads(),
            32,
            server.idleTimeout(),
            server.authFailureBudget()));
  }
}
