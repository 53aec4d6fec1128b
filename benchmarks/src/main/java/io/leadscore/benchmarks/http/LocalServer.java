package io.leadscore.benchmarks.http;

import io.leadscore.adapter.jdbc.Database;
import io.leadscore.application.port.in.CreateWorkspaceUseCase;
import io.leadscore.application.port.in.ManageApiKeysUseCase;
import io.leadscore.application.port.in.RefreshScoresUseCase;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import io.leadscore.bootstrap.node.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real server, started in this JVM: a {@link Node} with the production defaults (Jetty threads,
 * write limit, pool of 10, background workers at their default pace) on a random loopback port,
 * over a fresh PostgreSQL database that is dropped on close, or an H2 file database in a temporary
 * folder.
 */
final class LocalServer implements AutoCloseable {
  private final Node node;
  private final String jdbcUrl;
  private final String user;
  private final AutoCloseable cleanup;
  private final boolean deferRefresh;

  private LocalServer(
      String jdbcUrl, String user, Clock clock, boolean deferRefresh, AutoCloseable cleanup) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.cleanup = cleanup;
    this.deferRefresh = deferRefresh;
    Node started;
    try {
      started = new Node(config(jdbcUrl, user, deferRefresh), clock).start();
    } catch (RuntimeException e) {
      try {
        cleanup.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    this.node = started;
  }

  /** A server on a new database {@code leadscore_http_<millis>} of the cluster at adminUrl. */
  static LocalServer postgres(
      String adminUrl, String user, boolean keep, Clock clock, boolean deferRefresh)
      throws SQLException {
    String name = "leadscore_http_" + System.currentTimeMillis();
    String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    try (Connection admin = DriverManager.getConnection(adminUrl, user, null)) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    }
    return new LocalServer(
        url,
        user,
        clock,
        deferRefresh,
        () -> {
          if (!keep) {
            try (Connection admin = DriverManager.getConnection(adminUrl, user, null)) {
              admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
          }
        });
  }

  /** A server on an embedded H2 database in a temporary folder (deleted on close). */
  static LocalServer h2(Clock clock, boolean deferRefresh) {
    Path dir;
    try {
      dir = Files.createTempDirectory("leadscore-bench-http");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String url = Database.embeddedUrl(dir.resolve("leadscore").toString());
    return new LocalServer(url, null, clock, deferRefresh, () -> deleteTree(dir));
  }

  /**
   * The production defaults on a random port; with {@code deferRefresh} the background refresh
   * waits an hour between rounds, so that ingest is measured without it and {@link #awaitRefreshed}
   * does the refreshing.
   */
  private static LeadscoreConfig config(String url, String user, boolean deferRefresh) {
    var defaults = LeadscoreConfig.defaults();
    return new LeadscoreConfig(
        new LeadscoreConfig.Server(
            "127.0.0.1",
            0,
            defaults.server().maxThreads(),
            defaults.server().maxConcurrentWrites(),
            defaults.server().idleTimeout()),
        new LeadscoreConfig.DatabaseConfig(
            url,
            user,
            null,
            defaults.database().poolSize(),
            defaults.database().connectTimeout(),
            defaults.database().socketTimeout(),
            true),
        deferRefresh
            ? new LeadscoreConfig.Workers(
                true,
                Duration.ofHours(1),
                defaults.workers().jobs(),
                defaults.workers().decaySweep(),
                defaults.workers().webhooks())
            : defaults.workers(),
        defaults.egress());
  }

  boolean postgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  String user() {
    return user;
  }

  String base() {
    return "http://127.0.0.1:" + node.port();
  }

  <T> T get(Class<T> type) {
    return node.get(type);
  }

  /** Creates {@code workspace} and returns a new admin key for it. */
  String adminKey(String workspace) {
    node.get(CreateWorkspaceUseCase.class).create(workspace, workspace);
    return node.get(ManageApiKeysUseCase.class).create(workspace, Scope.ADMIN, "bench").token();
  }

  /** Contacts whose materialised scores are waiting for the background refresh. */
  long pendingRefreshes() {
    try (var handle = node.get(Database.class).jdbi().open()) {
      return handle.createQuery("SELECT COUNT(*) FROM score_refresh_queue").mapTo(Long.class).one();
    }
  }

  /**
   * Waits until the background refresh has caught up (at most {@code limit}), or refreshes every
   * stale contact itself when the background refresh is deferred; seconds taken.
   */
  double awaitRefreshed(Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    if (deferRefresh) {
      var refresh = node.get(RefreshScoresUseCase.class);
      while (refresh.refresh(500) > 0 && System.nanoTime() < deadline) {
        // next 500
      }
    }
    while (pendingRefreshes() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  @Override
  public void close() throws Exception {
    try {
      node.close();
    } finally {
      cleanup.close();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
