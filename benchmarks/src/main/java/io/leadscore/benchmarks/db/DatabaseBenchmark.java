package io.leadscore.benchmarks.db;

import io.leadscore.adapter.jdbc.Database;
import io.leadscore.adapter.jdbc.JdbcApplication;
import io.leadscore.adapter.jdbc.JdbcPersistence;
import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.MutableClock;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestResult;
import io.leadscore.application.port.in.LeaderboardPage;
import io.leadscore.application.port.in.LeaderboardQuery;
import io.leadscore.application.port.in.SaveModelDraftCommand;
import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.ModelDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * Measures the persistence paths on PostgreSQL, each beside its baseline in the same run
 * (quality.md): ingest vs raw COPY, re-sending vs first send, re-scoring vs a GROUP BY, the
 * leaderboard with vs without its index, keyset vs OFFSET paging, and decay upkeep vs rewriting
 * every row. Creates a fresh database and drops it afterwards.
 *
 * <p>Arguments: {@code --contacts N} (100000), {@code --events N} (5000000), {@code --threads N}
 * (2), {@code --admin-url} (jdbc:postgresql://127.0.0.1:5432/postgres), {@code --user} (postgres),
 * {@code --smoke} (2000 contacts, 60000 events), {@code --keep} (keep the database).
 */
public final class DatabaseBenchmark {
  private static final String WS = "bench";
  private static final String MODEL = "b2b-default";
  private static final int BATCH = 1000;

  private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private final List<String[]> table = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    int contacts = 100_000;
    long events = 5_000_000;
    int threads = 2;
    String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
    String user = "postgres";
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--contacts" -> contacts = Integer.parseInt(args[++i]);
        case "--events" -> events = Long.parseLong(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--admin-url" -> adminUrl = args[++i];
        case "--user" -> user = args[++i];
        case "--keep" -> keep = true;
        case "--smoke" -> {
          contacts = 2_000;
          events = 60_000;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    new DatabaseBenchmark().run(adminUrl, user, contacts, events, threads, keep);
  }

  private void run(
      String adminUrl, String user, int contacts, long events, int threads, boolean keep)
      throws Exception {
    String name = "leadscore_bench_" + System.currentTimeMillis();
    String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    try (Connection admin = DriverManager.getConnection(adminUrl, user, null)) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    }
    out.printf(
        Locale.ROOT,
        "database %s: %,d contacts, %,d events, %d ingest threads, batches of %d%n",
        name,
        contacts,
        events,
        threads,
        BATCH);
    try {
      measure(url, user, contacts, events, threads);
    } finally {
      if (!keep) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, null)) {
          admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
      }
    }
    out.println();
    out.printf("%-16s %-52s %-44s %s%n", "benchmark", "measured", "baseline (same run)", "ratio");
    for (String[] row : table) {
      out.printf("%-16s %-52s %-44s %s%n", (Object[]) row);
    }
  }

  private void measure(String url, String user, int contacts, long events, int threads)
      throws Exception {
    var generator = new HistoryGenerator(contacts, events);
    var clock = new MutableClock(HistoryGenerator.END);
    var settings =
        new Database.Settings(url, user, null, Duration.ofSeconds(5), Duration.ofMinutes(30), 8);
    try (var database = new Database(settings)) {
      database.migrate();
      var persistence = new JdbcPersistence(database);
      Application app = JdbcApplication.on(persistence, clock, "bench");
      app.createWorkspace.create(WS, "Benchmark");
      app.saveDraft.save(new SaveModelDraftCommand(WS, MODEL, model()));
      app.publish.publishDraft(WS, MODEL);
      app.runAllJobs();

      // db-ingest baseline first: a raw COPY of the same rows into a twin of the events table
      double copyRate = copyBaseline(url, user, generator, WS);
      long start = System.nanoTime();
      long[] counts = ingest(app, generator, 0, events, threads);
      double ingestSeconds = seconds(start);
      double ingestRate = events / ingestSeconds;
      row(
          "db-ingest",
          "%,.0f events/s (%,.1f s, %,d stored)".formatted(ingestRate, ingestSeconds, counts[0]),
          "COPY %,.0f rows/s".formatted(copyRate),
          ratio(ingestRate / copyRate, "x COPY"));

      long resend = Math.min(events, 200L * BATCH);
      long before = count(database, "SELECT COUNT(*) FROM events");
      start = System.nanoTime();
      long[] again = ingest(app, generator, 0, resend, threads);
      double resendRate = resend / seconds(start);
      long added = count(database, "SELECT COUNT(*) FROM events") - before;
      row(
          "duplicate-resend",
          "%,.0f events/s, %,d duplicates, %d rows added".formatted(resendRate, again[1], added),
          "first send %,.0f events/s".formatted(ingestRate),
          ratio(resendRate / ingestRate, "x first send"));

      try (var handle = database.jdbi().open()) {
        // after a bulk load autovacuum analyses within minutes; do it now so that the plans
        // measured below are the steady-state ones, not those of empty-table statistics
        handle.execute("ANALYZE");
      }
      start = System.nanoTime();
      app.refreshAll(); // the queue filled by ingest; measured apart from the re-score below
      double refreshSeconds = seconds(start);
      out.printf(Locale.ROOT, "refresh after ingest: %.1f s%n", refreshSeconds);

      double diySeconds = groupByBaseline(database);
      start = System.nanoTime();
      app.rescore.rescore(WS, MODEL);
      double rescoreSeconds = seconds(start);
      row(
          "rescore",
          "%.2f s for %,d contacts (full semantics)".formatted(rescoreSeconds, contacts),
          "GROUP BY %.2f s".formatted(diySeconds),
          ratio(rescoreSeconds / diySeconds, "x GROUP BY time"));

      leaderboard(app, database);
      deepPage(app, database, contacts);
      decayUpkeep(app, database, clock);
    }
  }

  private static ModelDocument model() throws IOException {
    return new ModelDocument(
        Files.readString(Path.of("examples", "b2b-default.yaml")), DocumentFormat.YAML);
  }

  /** Ingests events [from, to) in batches on {@code threads} threads; accepted and duplicates. */
  private static long[] ingest(
      Application app, HistoryGenerator generator, long from, long to, int threads)
      throws Exception {
    var next = new AtomicLong(from);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var futures = new ArrayList<Future<long[]>>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  long[] counts = new long[2];
                  for (long start = next.getAndAdd(BATCH);
                      start < to;
                      start = next.getAndAdd(BATCH)) {
                    int size = (int) Math.min(BATCH, to - start);
                    IngestResult result =
                        app.ingest.ingest(
                            new IngestEventsCommand(WS, "bench", generator.batch(start, size)));
                    if (!result.rejected().isEmpty()) {
                      throw new IllegalStateException("rejected: " + result.rejected());
                    }
                    counts[0] += result.accepted();
                    counts[1] += result.duplicates();
                  }
                  return counts;
                }));
      }
      long[] total = new long[2];
      for (Future<long[]> future : futures) {
        long[] counts = future.get();
        total[0] += counts[0];
        total[1] += counts[1];
      }
      return total;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * COPYs the generator's rows, as rows of {@code workspace}, into {@code events_copy} (events'
   * twin with its indexes, dropped afterwards): rows/s. The raw-COPY baseline of db-ingest and of
   * the HTTP harness' http-ingest.
   */
  public static double copyBaseline(
      String url, String user, HistoryGenerator generator, String workspace)
      throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection(url, user, null)) {
      connection.createStatement().execute("CREATE TABLE events_copy (LIKE events INCLUDING ALL)");
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      long start = System.nanoTime();
      long chunk = 100_000;
      for (long from = 0; from < generator.events(); from += chunk) {
        copy.copyIn(
            "COPY events_copy (workspace_id, event_key, contact_seq, type, occurred_at,"
                + " properties, source, received_at) FROM STDIN WITH (FORMAT csv)",
            csv(generator, workspace, from, Math.min(generator.events(), from + chunk)));
      }
      double rate = generator.events() / seconds(start);
      connection.createStatement().execute("DROP TABLE events_copy");
      return rate;
    }
  }

  private static Reader csv(HistoryGenerator generator, String workspace, long from, long to) {
    var text = new StringBuilder((int) (to - from) * 160);
    String now = HistoryGenerator.END.toString();
    for (long g = from; g < to; g++) {
      HistoryGenerator.Generated event = generator.event(g);
      String properties =
          event.url() != null
              ? "{\"\"url\"\":\"\"" + event.url() + "\"\"}"
              : event.form() != null ? "{\"\"form\"\":\"\"" + event.form() + "\"\"}" : "{}";
      text.append(workspace)
          .append(',')
          .append(event.key())
          .append(',')
          .append(event.contact() + 1)
          .append(',')
          .append(event.type())
          .append(',')
          .append(event.occurredAt())
          .append(",\"")
          .append(properties)
          .append("\",bench,")
          .append(now)
          .append('\n');
    }
    return new StringReader(text.toString());
  }

  /** The do-it-yourself score: a GROUP BY over the events joined to a points table; seconds. */
  private static double groupByBaseline(Database database) {
    try (var handle = database.jdbi().open()) {
      handle.execute("CREATE TABLE rule_points (type TEXT PRIMARY KEY, points DOUBLE PRECISION)");
      handle.execute(
          """
          INSERT INTO rule_points VALUES ('email.clicked', 10), ('form.submitted', 310),
            ('email.opened', 5), ('email.unsubscribed', -50), ('page.viewed', 0)""");
      handle.execute("CREATE TABLE diy_scores (contact_seq BIGINT, score DOUBLE PRECISION)");
      long start = System.nanoTime();
      handle.execute(
          """
          INSERT INTO diy_scores
          SELECT e.contact_seq, SUM(p.points) FROM events e JOIN rule_points p ON p.type = e.type
          WHERE e.workspace_id = 'bench' GROUP BY e.contact_seq""");
      return seconds(start);
    }
  }

  private void leaderboard(Application app, Database database) {
    var overall = new LeaderboardQuery(WS, MODEL, null, null, null, 100, null);
    var hot = new LeaderboardQuery(WS, MODEL, "hot", null, null, 100, null);
    long[] all = latencies(2_000, () -> app.leaderboard.read(overall));
    long[] tier = latencies(2_000, () -> app.leaderboard.read(hot));
    try (var handle = database.jdbi().open()) {
      handle.execute("CREATE TABLE scores_unindexed AS SELECT * FROM scores");
      long[] unindexed =
          latencies(
              30,
              () ->
                  handle
                      .createQuery(
                          """
                          SELECT contact_id, score FROM scores_unindexed
                          WHERE workspace_id = 'bench' AND model_id = 'b2b-default' AND tier = 'hot'
                          ORDER BY score DESC, contact_id LIMIT 100""")
                      .mapToMap()
                      .list());
      handle.execute("DROP TABLE scores_unindexed");
      row(
          "leaderboard",
          "top 100: p50 %s p99 %s; hot: p50 %s p99 %s"
              .formatted(ms(all, 50), ms(all, 99), ms(tier, 50), ms(tier, 99)),
          "no index (hot): p50 %s p99 %s".formatted(ms(unindexed, 50), ms(unindexed, 99)),
          ratio(percentile(unindexed, 50) / (double) percentile(tier, 50), "x faster (p50)"));
    }
  }

  private void deepPage(Application app, Database database, int contacts) {
    int page = Math.min(500, contacts / 100);
    String cursor = null;
    for (int i = 1; i < page; i++) {
      LeaderboardPage result =
          app.leaderboard.read(new LeaderboardQuery(WS, MODEL, null, null, null, 100, cursor));
      cursor = result.next();
    }
    var at = new LeaderboardQuery(WS, MODEL, null, null, null, 100, cursor);
    long[] keyset = latencies(300, () -> app.leaderboard.read(at));
    try (var handle = database.jdbi().open()) {
      int offset = (page - 1) * 100;
      long[] offsetPaging =
          latencies(
              50,
              () ->
                  handle
                      .createQuery(
                          """
                          SELECT contact_id, score FROM scores
                          WHERE workspace_id = 'bench' AND model_id = 'b2b-default'
                          ORDER BY score DESC, contact_id OFFSET :offset LIMIT 100""")
                      .bind("offset", offset)
                      .mapToMap()
                      .list());
      row(
          "deep-page",
          "page %d by keyset: p50 %s".formatted(page, ms(keyset, 50)),
          "OFFSET %d: p50 %s".formatted(offset, ms(offsetPaging, 50)),
          ratio(percentile(offsetPaging, 50) / (double) percentile(keyset, 50), "x faster"));
    }
  }

  private void decayUpkeep(Application app, Database database, MutableClock clock) {
    clock.advance(Duration.ofDays(1));
    long start = System.nanoTime();
    int marked = 0;
    for (int n = app.refresh.sweepDecay(5_000); n > 0; n = app.refresh.sweepDecay(5_000)) {
      marked += n;
      app.refreshAll();
    }
    double ours = seconds(start);
    double rewrite;
    try (var handle = database.jdbi().open()) {
      start = System.nanoTime();
      handle.execute(
          "UPDATE scores SET score = score * 0.98, computed_at = computed_at"
              + " WHERE workspace_id = 'bench'");
      rewrite = seconds(start);
    }
    row(
        "decay-upkeep",
        "%.2f s per simulated day (%,d rows rechecked)".formatted(ours, marked),
        "rewrite every row %.2f s".formatted(rewrite),
        ratio(rewrite / ours, "x less"));
  }

  private static long count(Database database, String sql) {
    try (var handle = database.jdbi().open()) {
      return handle.createQuery(sql).mapTo(Long.class).one();
    }
  }

  private static long[] latencies(int times, Runnable call) {
    for (int i = 0; i < Math.min(times, 50); i++) {
      call.run(); // warm-up
    }
    long[] nanos = new long[times];
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      call.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String ms(long[] sorted, int p) {
    return "%.2f ms".formatted(percentile(sorted, p) / 1e6);
  }

  private static String ratio(double value, String unit) {
    return "%.2f%s".formatted(value, unit);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void row(String name, String measured, String baseline, String ratio) {
    table.add(new String[] {name, measured, baseline, ratio});
    out.printf("%-16s %s | baseline %s | %s%n", name, measured, baseline, ratio);
  }
}
