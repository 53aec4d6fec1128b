package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.MutableClock;
import io.leadscore.application.port.in.SaveModelDraftCommand;
import io.leadscore.application.port.in.ScoreContactQuery;
import io.leadscore.application.port.out.ContactHistory;
import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.port.out.ModelDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * quality.md "kill-mid-ingest" at the store level: a child JVM streams batches through the ingest
 * use case and is killed with SIGKILL part-way; a second run re-sends everything. Every batch
 * acknowledged before the kill must be found whole by the re-send (all duplicates), every event is
 * stored exactly once in the end, and the materialised scores (kept up by the refresh queue, which
 * is marked in the same transaction as the events) equal scores computed from scratch.
 */
class KillMidIngestIT {
  private static final String WS = "ws";
  private static final int BATCHES = 24;
  private static final int BATCH_SIZE = 500;
  private static final Instant AS_OF = Instant.parse("2026-09-01T00:00:00Z");

  private static final String MODEL =
      """
      id: web
      name: Web
      engagement:
        - { id: open, points: 1, on: email.opened, decay: { halfLife: P30D } }
        - { id: click, points: 5, on: email.clicked, limit: { times: 3, per: P7D } }
        - { id: form, points: 30, on: form.submitted, where: { field: form, equals: consultation } }
        - { id: views, points: 10, on: page.viewed, count: { atLeast: 3, within: P14D } }
        - { id: demo, points: 50, on: demo.requested, decay: { after: P60D } }
      topics:
        - { id: pages, on: page.viewed, interestedAt: 5 }
      tiers:
        - { id: cold, from: 0 }
        - { id: warm, from: 100 }
        - { id: hot, from: 300 }
      """;

  @TempDir Path temp;

  @Test
  void on_postgresql_acknowledged_events_survive_a_kill_and_a_resend_counts_nothing_twice()
      throws Exception {
    try (var fresh = TestDatabases.freshPostgres()) {
      run(fresh.url(), fresh.user());
    }
  }

  @Test
  void
      on_the_embedded_database_acknowledged_events_survive_a_kill_and_a_resend_counts_nothing_twice()
          throws Exception {
    String url =
        "jdbc:h2:"
            + temp.resolve("kill").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    run(url, null);
  }

  private void run(String url, String user) throws Exception {
    var clock = new MutableClock(AS_OF);
    try (var database = new Database(Database.Settings.of(url, user, null))) {
      database.migrate();
      Application app = JdbcApplication.on(new JdbcPersistence(database), clock, "parent");
      app.createWorkspace.create(WS, "Kill test");
      app.saveDraft.save(
          new SaveModelDraftCommand(WS, "web", new ModelDocument(MODEL, DocumentFormat.YAML)));
      app.publish.publishDraft(WS, "web");
      app.runAllJobs();
    }
    // H2 embedded allows one process at a time: the parent closes it while children run

    int killAfter = 3 + new Random().nextInt(BATCHES / 2);
    Map<Integer, int[]> first = runDriver(url, user, killAfter);
    Map<Integer, int[]> second = runDriver(url, user, -1);

    assertThat(first).hasSizeGreaterThanOrEqualTo(killAfter).hasSizeLessThan(BATCHES);
    assertThat(second).hasSize(BATCHES);
    for (int batch : first.keySet()) {
      assertThat(second.get(batch))
          .as("batch %d was acknowledged before the kill, so the re-send finds it whole", batch)
          .containsExactly(0, BATCH_SIZE);
    }
    int acceptedByResend = second.values().stream().mapToInt(counts -> counts[0]).sum();
    int acceptedBeforeKill = first.values().stream().mapToInt(counts -> counts[0]).sum();
    assertThat(acceptedBeforeKill).isEqualTo(first.size() * BATCH_SIZE);

    try (var database = new Database(Database.Settings.of(url, user, null))) {
      var persistence = new JdbcPersistence(database);
      Application app = JdbcApplication.on(persistence, clock, "parent");
      long stored;
      long distinct;
      try (var handle = database.jdbi().open()) {
        stored = handle.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one();
        distinct =
            handle
                .createQuery("SELECT COUNT(DISTINCT event_key) FROM events")
                .mapTo(Long.class)
                .one();
      }
      assertThat(stored).isEqualTo((long) BATCHES * BATCH_SIZE).isEqualTo(distinct);
      // what the re-send stored is exactly what the kill left out
      assertThat(acceptedByResend).isLessThanOrEqualTo((int) stored - acceptedBeforeKill);

      app.refreshAll();
      var exact = new HashMap<String, Double>();
      try (Stream<ContactHistory> histories = persistence.events().histories(WS)) {
        histories.forEach(
            history ->
                exact.put(
                    history.contact().id(),
                    app.score
                        .score(new ScoreContactQuery(WS, history.contact().id(), "web", AS_OF))
                        .score()
                        .score()));
      }
      var materialised = new HashMap<String, Double>();
      try (Stream<MaterialisedScore> rows = persistence.scores().all(WS, "web")) {
        rows.forEach(row -> materialised.put(row.contactId(), row.score()));
      }
      assertThat(exact).hasSizeGreaterThan(IngestDriver.CONTACTS / 2);
      assertThat(materialised).isEqualTo(exact);
    }
  }

  /**
   * Runs the driver; kills it with SIGKILL after {@code killAfter} acknowledgements (and a random
   * pause, so the kill lands anywhere in the next batch), or lets it finish when negative.
   *
   * @return accepted and duplicate counts per acknowledged batch
   */
  private Map<Integer, int[]> runDriver(String url, String user, int killAfter)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    var command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            IngestDriver.class.getName(),
            url,
            user == null ? "-" : user,
            WS,
            Integer.toString(BATCHES),
            Integer.toString(BATCH_SIZE));
    Process process =
        new ProcessBuilder(command)
            .redirectError(temp.resolve("driver-" + System.nanoTime() + ".err").toFile())
            .start();
    var acks = new HashMap<Integer, int[]>();
    var lines = new ArrayList<String>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("ACK ")) {
          String[] parts = line.split(" ");
          acks.put(
              Integer.parseInt(parts[1]),
              new int[] {Integer.parseInt(parts[2]), Integer.parseInt(parts[3])});
          if (acks.size() == killAfter) {
            Thread.sleep(new Random().nextInt(150));
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            break;
          }
        }
      }
    }
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("driver ended").isTrue();
    if (killAfter < 0) {
      assertThat(process.exitValue()).as("driver output %s", lines).isZero();
      assertThat(lines).last().isEqualTo("DONE");
    }
    return acks;
  }
}
