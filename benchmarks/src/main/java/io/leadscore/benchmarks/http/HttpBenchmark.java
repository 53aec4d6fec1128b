package io.leadscore.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestEventsUseCase;
import io.leadscore.application.port.in.IngestResult;
import io.leadscore.benchmarks.db.DatabaseBenchmark;
import io.leadscore.benchmarks.db.HistoryGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The HTTP load harness ({@code bin/bench-http}; quality.md rows http-ingest, score-read and
 * leaderboard over HTTP): starts the real server in this JVM (or drives one given by {@code
 * --url}), seeds it through the API, then loads it over loopback with many concurrent clients (JDK
 * {@code HttpClient} on virtual threads, closed loop, bounded by count and by time) and prints each
 * figure beside a baseline measured in the same run. Figures, never assertions.
 *
 * <ol>
 *   <li><b>http-ingest</b>: events/s through {@code POST /v1/events} in batches of 1000, each
 *       answered only after its commit; baselines: the ingest use case called in-process with the
 *       same batches (db-ingest's path) and, on PostgreSQL, a raw {@code COPY} of the same rows.
 *   <li><b>score-read</b>: latency of {@code GET /v1/contacts/{id}/score} under many concurrent
 *       clients, over the contacts just ingested; baseline: {@code GET /health} (no database) under
 *       the same load.
 *   <li><b>leaderboard</b>: latency of {@code GET /v1/leaderboard?tier=hot&limit=100} while an
 *       ingest stream runs; baseline: {@code GET /health} under the same clients and stream.
 * </ol>
 *
 * <p>Arguments (defaults in brackets): {@code --contacts N} [4000], {@code --events N} [300000],
 * {@code --ingest-clients N} [4], {@code --ingest-seconds S} [80, per path], {@code --score-clients
 * N} [200], {@code --score-requests N} [300000], {@code --score-seconds S} [15], {@code
 * --board-clients N} [16], {@code --board-seconds S} [10], {@code --board-ingest-clients N} [2],
 * {@code --rounds N} [4: the in-process and HTTP ingests take turns over N ranges of batches],
 * {@code --warm-up-seconds S} [5], {@code --defer-refresh} (the background refresh of scores, which
 * otherwise runs during the ingests as in production, runs between the loads instead), {@code
 * --h2}, {@code --admin-url URL} [jdbc:postgresql://127.0.0.1:5432/postgres], {@code --user}
 * [postgres], {@code --keep}, {@code --url http://host:port --key K} (an admin key of the workspace
 * to load; the in-process and COPY baselines are then not measured), {@code --smoke} (H2, 60
 * contacts, 3000 events, a second or two per load).
 */
public final class HttpBenchmark {
  static final String MODEL = "b2b-default";
  static final int BATCH = IngestEventsUseCase.MAX_BATCH;

  private final Options options;
  private final PrintStream out;
  private final List<Row> table = new ArrayList<>();

  /** The knobs; see the class comment. */
  record Options(
      boolean h2,
      String url,
      String key,
      String adminUrl,
      String user,
      boolean keep,
      int contacts,
      long events,
      int ingestClients,
      Duration ingestTime,
      int scoreClients,
      long scoreRequests,
      Duration scoreTime,
      int boardClients,
      Duration boardTime,
      int boardIngestClients,
      Duration warmUp,
      int rounds,
      boolean deferRefresh) {

    static Options parse(String... args) {
      boolean h2 = false;
      String url = null;
      String key = null;
      String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
      String user = "postgres";
      boolean keep = false;
      int contacts = 4_000;
      long events = 300_000;
      int ingestClients = 4;
      int ingestSeconds = 80;
      int scoreClients = 200;
      long scoreRequests = 300_000;
      int scoreSeconds = 15;
      int boardClients = 16;
      int boardSeconds = 10;
      int boardIngestClients = 2;
      int warmUpSeconds = 5;
      int rounds = 4;
      boolean deferRefresh = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--h2" -> h2 = true;
          case "--url" -> url = args[++i];
          case "--key" -> key = args[++i];
          case "--admin-url" -> adminUrl = args[++i];
          case "--user" -> user = args[++i];
          case "--keep" -> keep = true;
          case "--contacts" -> contacts = Integer.parseInt(args[++i]);
          case "--events" -> events = Long.parseLong(args[++i]);
          case "--ingest-clients" -> ingestClients = Integer.parseInt(args[++i]);
          case "--ingest-seconds" -> ingestSeconds = Integer.parseInt(args[++i]);
          case "--score-clients" -> scoreClients = Integer.parseInt(args[++i]);
          case "--score-requests" -> scoreRequests = Long.parseLong(args[++i]);
          case "--score-seconds" -> scoreSeconds = Integer.parseInt(args[++i]);
          case "--board-clients" -> boardClients = Integer.parseInt(args[++i]);
          case "--board-seconds" -> boardSeconds = Integer.parseInt(args[++i]);
          case "--board-ingest-clients" -> boardIngestClients = Integer.parseInt(args[++i]);
          case "--warm-up-seconds" -> warmUpSeconds = Integer.parseInt(args[++i]);
          case "--rounds" -> rounds = Integer.parseInt(args[++i]);
          case "--defer-refresh" -> deferRefresh = true;
          case "--smoke" -> {
            h2 = true;
            contacts = 60;
            events = 3_000;
            ingestClients = 2;
            ingestSeconds = 30;
            scoreClients = 20;
            scoreRequests = 2_000;
            scoreSeconds = 2;
            boardClients = 4;
            boardSeconds = 1;
            boardIngestClients = 1;
            warmUpSeconds = 1;
            rounds = 2;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (url != null && key == null) {
        throw new IllegalArgumentException("--url needs --key (an admin key of its workspace)");
      }
      return new Options(
          h2,
          url,
          key,
          adminUrl,
          user,
          keep,
          contacts,
          events,
          ingestClients,
          Duration.ofSeconds(ingestSeconds),
          scoreClients,
          scoreRequests,
          Duration.ofSeconds(scoreSeconds),
          boardClients,
          Duration.ofSeconds(boardSeconds),
          boardIngestClients,
          Duration.ofSeconds(warmUpSeconds),
          rounds,
          deferRefresh);
    }
  }

  /**
   * One line of the table; {@code figure} is ours in the row's unit (events/s, or p99 in ms) and
   * {@code baseline} the main baseline's in the same unit, NaN when not measured.
   */
  record Row(
      String name,
      String measured,
      String baselines,
      String ratio,
      String goal,
      double figure,
      double baseline) {}

  private HttpBenchmark(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    // the server's INFO lines would interleave with the figures
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    run(Options.parse(args), new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /** Runs every load and prints the table; returns its rows. */
  static List<Row> run(Options options, PrintStream out) throws Exception {
    var benchmark = new HttpBenchmark(options, out);
    benchmark.measure();
    benchmark.print();
    return List.copyOf(benchmark.table);
  }

  private void measure() throws Exception {
    out.printf(
        "machine: %d cores, load average %s at the start%n",
        Runtime.getRuntime().availableProcessors(), loadAverage());
    if (options.url() != null) {
      // a server someone else runs: its own clock, a workspace that may hold earlier runs
      String prefix = "r" + System.currentTimeMillis() + "-";
      out.printf(
          "server %s (not started here): baselines in-process and COPY not measured%n",
          options.url());
      loads(
          null,
          new Api(options.url(), options.key(), httpClients(options.scoreClients())),
          null,
          prefix);
      return;
    }
    // "now" is the end of the generated history, and moves on
    Clock clock =
        Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), HistoryGenerator.END));
    try (LocalServer server =
        options.h2()
            ? LocalServer.h2(clock, options.deferRefresh())
            : LocalServer.postgres(
                options.adminUrl(),
                options.user(),
                options.keep(),
                clock,
                options.deferRefresh())) {
      out.printf(
          Locale.ROOT,
          "server %s on %s (in this JVM, %d cores)%n",
          server.base(),
          server.jdbcUrl(),
          Runtime.getRuntime().availableProcessors());
      var api =
          new Api(server.base(), server.adminKey("http"), httpClients(options.scoreClients()));
      var direct = new Api(server.base(), server.adminKey("direct"), 1);
      publish(direct);
      loads(server, api, direct, "");
    }
  }

  private static int httpClients(int clients) {
    return Math.max(1, Math.min(8, clients / 25));
  }

  private void loads(LocalServer server, Api api, Api direct, String prefix) throws Exception {
    publish(api);
    var generator = new HistoryGenerator(options.contacts(), options.events(), prefix);
    out.printf(
        Locale.ROOT,
        "data: %,d events over %,d contacts (%.0f each), batches of %d, %d ingest clients%n",
        options.events(),
        options.contacts(),
        options.events() / (double) options.contacts(),
        BATCH,
        options.ingestClients());
    httpIngest(server, api, generator);
    scoreRead(server, api);
    leaderboard(server, api, prefix);
  }

  // ---- http-ingest ------------------------------------------------------------------------

  private void httpIngest(LocalServer server, Api api, HistoryGenerator generator)
      throws Exception {
    int batches = (int) ((generator.events() + BATCH - 1) / BATCH);
    double copyRate = Double.NaN;
    if (server != null && server.postgres()) {
      copyRate =
          DatabaseBenchmark.copyBaseline(server.jdbcUrl(), server.user(), generator, "direct");
      out.printf(Locale.ROOT, "  raw COPY of the same rows: %,.0f rows/s%n", copyRate);
    }
    IngestEventsUseCase useCase = server == null ? null : server.get(IngestEventsUseCase.class);

    // warm-up: both paths compiled and connections open before anything is timed
    int warmBatches = Math.max(1, Math.min(20, batches / 10));
    var warm =
        new HistoryGenerator(
            generator.contacts(), (long) warmBatches * BATCH, "w-" + prefixOf(generator));
    if (useCase != null) {
      inProcess(useCase, warm, 0, warmBatches, options.warmUp().multipliedBy(4), new AtomicLong());
    }
    overHttp(
        api,
        bodies(warm, 0, warmBatches),
        0,
        warmBatches,
        options.warmUp().multipliedBy(4),
        new AtomicLong());

    // the two paths take turns over the same ranges of batches, so that a change in the
    // machine's load (other processes, the background refresh) falls on both alike
    int rounds = Math.max(1, Math.min(options.rounds(), batches));
    Duration roundTime = options.ingestTime().dividedBy(rounds);
    var directAccepted = new AtomicLong();
    var httpAccepted = new AtomicLong();
    double directSeconds = 0;
    long directErrors = 0;
    List<ClosedLoop.Result> httpRuns = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      int from = (int) ((long) batches * r / rounds);
      int to = (int) ((long) batches * (r + 1) / rounds);
      if (useCase != null) {
        ClosedLoop.Result turn = inProcess(useCase, generator, from, to, roundTime, directAccepted);
        directSeconds += turn.seconds();
        directErrors += turn.errors();
        server.awaitRefreshed(Duration.ofMinutes(10));
      }
      // the bodies are made before the clock starts: what is timed is the server's work
      var bodies = bodies(generator, from, to);
      httpRuns.add(overHttp(api, bodies, from, to, roundTime, httpAccepted));
      if (server != null) {
        server.awaitRefreshed(Duration.ofMinutes(10));
      }
    }
    ClosedLoop.Result http = ClosedLoop.merge(httpRuns);
    double directRate = useCase == null ? Double.NaN : directAccepted.get() / directSeconds;
    double rate = httpAccepted.get() / http.seconds();
    if (useCase != null) {
      out.printf(
          Locale.ROOT,
          "  in-process ingest use case: %,.0f events/s (%,d events, %.1f s, %d rounds%s)%n",
          directRate,
          directAccepted.get(),
          directSeconds,
          rounds,
          directErrors == 0 ? "" : ", " + directErrors + " batches failed");
    }
    out.printf(
        Locale.ROOT,
        "  POST /v1/events: %,.0f events/s (%,d events, %.1f s); per batch %s%n",
        rate,
        httpAccepted.get(),
        http.seconds(),
        http.summary());
    row(
        "http-ingest",
        String.format(
            Locale.ROOT,
            "%,.0f events/s (%,d acked, %d clients)",
            rate,
            httpAccepted.get(),
            options.ingestClients()),
        (Double.isNaN(directRate) ? "in-process n/a" : fmt("in-process %,.0f/s", directRate))
            + (Double.isNaN(copyRate) ? "; COPY n/a" : fmt("; COPY %,.0f/s", copyRate)),
        ratioText(rate / directRate, "x in-process")
            + (Double.isNaN(copyRate) ? "" : ", " + ratioText(rate / copyRate, "x COPY")),
        ">= 50k/s; >= 0.5x COPY",
        rate,
        directRate);
  }

  private static String prefixOf(HistoryGenerator generator) {
    String key = generator.event(0).key();
    return key.substring(0, key.length() - "g-0".length());
  }

  /** db-ingest's path: batches [from, to) as trees to the use case the endpoint calls. */
  private ClosedLoop.Result inProcess(
      IngestEventsUseCase useCase,
      HistoryGenerator generator,
      int from,
      int to,
      Duration limit,
      AtomicLong accepted)
      throws InterruptedException {
    return ClosedLoop.run(
        options.ingestClients(),
        to - from,
        limit,
        (client, n) -> {
          IngestResult result =
              useCase.ingest(
                  new IngestEventsCommand(
                      "direct", "api", generator.batch((from + n) * BATCH, BATCH)));
          accepted.addAndGet(result.accepted());
          return result.rejected().isEmpty();
        });
  }

  /** The request bodies of batches [from, to). */
  private static AtomicReferenceArray<byte[]> bodies(HistoryGenerator generator, int from, int to)
      throws IOException {
    var bodies = new AtomicReferenceArray<byte[]>(to - from);
    for (int b = from; b < to; b++) {
      bodies.set(
          b - from,
          Api.JSON.writeValueAsBytes(Map.of("events", generator.batch((long) b * BATCH, BATCH))));
    }
    return bodies;
  }

  private ClosedLoop.Result overHttp(
      Api api,
      AtomicReferenceArray<byte[]> bodies,
      int from,
      int to,
      Duration limit,
      AtomicLong accepted)
      throws InterruptedException {
    return ClosedLoop.run(
        options.ingestClients(),
        to - from,
        limit,
        (client, n) -> {
          byte[] body = bodies.getAndSet((int) n, null);
          HttpResponse<byte[]> response = api.post(client, "/v1/events", body);
          if (response.statusCode() != 200) {
            return false;
          }
          JsonNode answer = Api.JSON.readTree(response.body());
          accepted.addAndGet(answer.path("accepted").asLong());
          return answer.path("rejected").isEmpty();
        });
  }

  // ---- score-read -------------------------------------------------------------------------

  private void scoreRead(LocalServer server, Api api) throws Exception {
    int sample = Math.min(options.contacts(), 2_000);
    var ids = new AtomicReferenceArray<String>(sample);
    ClosedLoop.run(
        16,
        sample,
        Duration.ofMinutes(5),
        (client, n) -> {
          String email = HistoryGenerator.Generated.email((int) n);
          HttpResponse<byte[]> response =
              api.get(
                  client, "/v1/contacts?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
          JsonNode items = Api.JSON.readTree(response.body()).path("items");
          if (response.statusCode() == 200 && !items.isEmpty()) {
            ids.set((int) n, items.get(0).path("id").asText());
          }
          return true;
        });
    List<String> found = new ArrayList<>();
    for (int i = 0; i < sample; i++) {
      if (ids.get(i) != null) {
        found.add(ids.get(i));
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("no contact found to score");
    }
    String[] paths =
        found.stream()
            .map(id -> "/v1/contacts/" + id + "/score?model=" + MODEL)
            .toArray(String[]::new);
    HttpRequest health = api.request("/health", false).GET().build();
    ClosedLoop.Call healthCall = (client, n) -> api.send(client, health).statusCode() == 200;
    ClosedLoop.Call scoreCall =
        (client, n) -> {
          String path = paths[ThreadLocalRandom.current().nextInt(paths.length)];
          HttpResponse<byte[]> response = api.get(client, path);
          return response.statusCode() == 200 && response.body().length > 0;
        };
    int clients = options.scoreClients();
    // warm-up: connections opened, JIT compiled, caches filled, for both routes
    ClosedLoop.run(clients, Long.MAX_VALUE, options.warmUp(), healthCall);
    ClosedLoop.run(clients, Long.MAX_VALUE, options.warmUp(), scoreCall);
    ClosedLoop.Result baseline =
        ClosedLoop.run(clients, options.scoreRequests(), options.scoreTime(), healthCall);
    out.printf("  GET /health, %d clients: %s%n", clients, baseline.summary());
    ClosedLoop.Result ours =
        ClosedLoop.run(clients, options.scoreRequests(), options.scoreTime(), scoreCall);
    out.printf(
        "  GET /v1/contacts/{id}/score, %d clients over %,d contacts: %s%n",
        clients, found.size(), ours.summary());
    row(
        "score-read",
        fmt("%d clients: ", clients) + ours.summary(),
        "/health: " + baseline.summary(),
        ratioText(ours.ms(99) / baseline.ms(99), "x /health p99")
            + ", "
            + ratioText(ours.perSecond() / baseline.perSecond(), "x req/s"),
        "p99 <= 10 ms",
        ours.ms(99),
        baseline.ms(99));
  }

  // ---- leaderboard ------------------------------------------------------------------------

  private void leaderboard(LocalServer server, Api api, String prefix) throws Exception {
    String path = "/v1/leaderboard?model=" + MODEL + "&tier=hot&limit=100";
    HttpResponse<byte[]> first = api.get(0, path);
    int rows = Api.JSON.readTree(first.body()).path("items").size();
    out.printf(Locale.ROOT, "  %s: %d rows, %,d bytes%n", path, rows, first.body().length);
    HttpRequest health = api.request("/health", false).GET().build();
    ClosedLoop.Call healthCall = (client, n) -> api.send(client, health).statusCode() == 200;
    ClosedLoop.Call boardCall =
        (client, n) -> {
          HttpResponse<byte[]> response = api.get(client, path);
          return response.statusCode() == 200;
        };
    int clients = options.boardClients();
    ClosedLoop.Result idle =
        ClosedLoop.run(clients, Long.MAX_VALUE, options.boardTime(), boardCall);
    out.printf("  leaderboard, %d clients, no ingest: %s%n", clients, idle.summary());

    // an ingest stream of new events for the same contacts, for as long as both loads run
    var stream = new HistoryGenerator(options.contacts(), options.events(), prefix + "l-");
    var stop = new AtomicBoolean();
    var streamed = new AtomicLong();
    var refused = new AtomicLong();
    var ingestThread =
        Thread.ofPlatform()
            .name("bench-ingest-stream")
            .start(
                () -> {
                  try {
                    ClosedLoop.run(
                        options.boardIngestClients(),
                        (stream.events() + BATCH - 1) / BATCH,
                        Duration.ofHours(1),
                        (client, batch) -> {
                          if (stop.get()) {
                            return true;
                          }
                          byte[] body =
                              Api.JSON.writeValueAsBytes(
                                  Map.of("events", stream.batch(batch * BATCH, BATCH)));
                          HttpResponse<byte[]> response =
                              api.post(100 + client, "/v1/events", body);
                          if (response.statusCode() == 200) {
                            streamed.addAndGet(
                                Api.JSON.readTree(response.body()).path("accepted").asLong());
                            return true;
                          }
                          refused.incrementAndGet();
                          return false;
                        });
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    ClosedLoop.Result ours;
    ClosedLoop.Result baseline;
    long streamStart = System.nanoTime();
    try {
      Thread.sleep(options.warmUp().toMillis());
      ours = ClosedLoop.run(clients, Long.MAX_VALUE, options.boardTime(), boardCall);
      baseline = ClosedLoop.run(clients, Long.MAX_VALUE, options.boardTime(), healthCall);
    } finally {
      stop.set(true);
      ingestThread.join();
    }
    double streamRate = streamed.get() / ((System.nanoTime() - streamStart) / 1e9);
    out.printf(
        Locale.ROOT,
        "  while %,.0f events/s are ingested by %d clients (%d batches refused): leaderboard %s;"
            + " /health %s%n",
        streamRate,
        options.boardIngestClients(),
        refused.get(),
        ours.summary(),
        baseline.summary());
    if (server != null) {
      server.awaitRefreshed(Duration.ofMinutes(10));
    }
    row(
        "leaderboard",
        fmt("hot top 100, %d clients, ingest %,.0f ev/s: ", clients, streamRate) + ours.summary(),
        "/health same load: " + baseline.summary() + "; no ingest: " + idle.summary(),
        ratioText(ours.ms(99) / baseline.ms(99), "x /health p99"),
        "p99 <= 10 ms over HTTP",
        ours.ms(99),
        baseline.ms(99));
  }

  // ---- set-up and printing ----------------------------------------------------------------

  /** Saves the sample model as the workspace's draft and publishes it, through the API. */
  private static void publish(Api api) throws IOException, InterruptedException {
    String yaml;
    try (InputStream in = HttpBenchmark.class.getResourceAsStream("/demo/b2b-default.yaml")) {
      if (in == null) {
        throw new IllegalStateException("the sample model is not on the class path");
      }
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    api.expect(
        200,
        api.request("/v1/models/" + MODEL + "/draft", true)
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(yaml))
            .build());
    JsonNode published =
        api.expect(
            202,
            api.request("/v1/models/" + MODEL + "/publish", true)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    String job = published.path("job").path("id").asText();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode state = api.expect(200, api.request("/v1/jobs/" + job, true).GET().build());
      if (!state.path("finishedAt").isNull() && !state.path("finishedAt").isMissingNode()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the publication's re-score job did not finish: " + job);
  }

  private void row(
      String name,
      String measured,
      String baselines,
      String ratio,
      String goal,
      double figure,
      double baseline) {
    table.add(new Row(name, measured, baselines, ratio, goal, figure, baseline));
  }

  private void print() {
    out.printf("machine: load average %s at the end%n", loadAverage());
    out.println();
    out.println("| measure | ours | baseline (same run) | ratio | goal |");
    out.println("|---|---|---|---|---|");
    for (Row row : table) {
      out.printf(
          "| %s | %s | %s | %s | %s |%n",
          row.name(), row.measured(), row.baselines(), row.ratio(), row.goal());
    }
  }

  /** The 1, 5 and 15 minute load averages (Linux), or "n/a". */
  private static String loadAverage() {
    try {
      String[] fields =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static String ratioText(double value, String unit) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? "n/a"
        : String.format(Locale.ROOT, "%.2f%s", value, unit);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
