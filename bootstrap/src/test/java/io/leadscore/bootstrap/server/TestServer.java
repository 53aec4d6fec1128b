package io.leadscore.bootstrap.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadscore.adapter.jdbc.Database;
import io.leadscore.adapter.jdbc.TestDatabases;
import io.leadscore.application.port.in.CreateWorkspaceUseCase;
import io.leadscore.application.port.in.ManageApiKeysUseCase;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import io.leadscore.bootstrap.node.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real Leadscore node for end-to-end tests: the Guice-wired server on a random loopback port, on
 * an embedded H2 file database in a temporary folder or on a fresh PostgreSQL database (dropped on
 * close), with its background workers running at test speed. Requests go over real HTTP.
 */
public final class TestServer implements AutoCloseable {
  /** Which database the server runs on. */
  public enum Kind {
    H2,
    POSTGRES
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Node node;
  private final LeadscoreConfig config;
  private final Clock clock;
  private final AutoCloseable database;
  private final String base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(LeadscoreConfig config, AutoCloseable database, Clock clock) {
    this.database = database;
    this.config = config;
    this.clock = clock;
    this.node = new Node(config, clock).start();
    this.base = "http://127.0.0.1:" + node.port();
  }

  /** A server on {@code kind}, with the system clock. */
  public static TestServer start(Kind kind) {
    return start(kind, Clock.systemUTC());
  }

  /** A server on {@code kind} whose "now" is {@code clock}. */
  public static TestServer start(Kind kind, Clock clock) {
    return start(kind, clock, UnaryOperator.identity());
  }

  /**
   * A server on {@code kind} whose "now" is {@code clock}, its test configuration changed by {@code
   * tweak} (a short idle timeout, say).
   */
  public static TestServer start(Kind kind, Clock clock, UnaryOperator<LeadscoreConfig> tweak) {
    return switch (kind) {
      case H2 -> {
        Path dir = temporaryFolder();
        String url = Database.embeddedUrl(String.valueOf(dir.resolve("leadscore")));
        yield new TestServer(tweak.apply(config(url, null, null)), () -> deleteTree(dir), clock);
      }
      case POSTGRES -> {
        var fresh = TestDatabases.freshPostgres();
        yield new TestServer(
            tweak.apply(config(fresh.url(), fresh.user(), fresh.password())), fresh, clock);
      }
    };
  }

  /**
   * A server on {@code config} (made with {@link #config} and adjusted: limits, a database behind a
   * proxy); {@code cleanup} runs after the node closed, such as dropping its database.
   */
  public static TestServer start(LeadscoreConfig config, AutoCloseable cleanup) {
    return new TestServer(config, cleanup, Clock.systemUTC());
  }

  /**
   * The test configuration: port 0, workers polling fast, a failure budget large enough for tests
   * that send bad keys on purpose from one address, outbound calls allowed to loopback ({@code
   * egress.allow}, as a user running a local receiver would set it: the receivers are WireMock
   * servers on 127.0.0.1), the rest as in production.
   */
  public static LeadscoreConfig config(String url, String user, String password) {
    var defaults = LeadscoreConfig.defaults();
    return new LeadscoreConfig(
        new LeadscoreConfig.Server(
            "127.0.0.1", 0, 64, 16, LeadscoreConfig.Server.DEFAULT_IDLE_TIMEOUT, 1_000_000),
        new LeadscoreConfig.DatabaseConfig(
            url, user, password, 10, Duration.ofSeconds(3), Duration.ofSeconds(15), true),
        new LeadscoreConfig.Workers(
            true,
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            defaults.workers().decaySweep(),
            Duration.ofMillis(200)),
        LOOPBACK);
  }

  /** Egress to this machine's loopback addresses, both families. */
  public static final LeadscoreConfig.Egress LOOPBACK =
      new LeadscoreConfig.Egress(
          java.util.List.of(
              io.leadscore.application.egress.AddressRange.parse("127.0.0.0/8"),
              io.leadscore.application.egress.AddressRange.parse("::1/128")));

  /**
   * Stops this node (keeping its database) and starts another on the same database with its
   * configuration changed by {@code tweak}, as an operator restarting with a new configuration;
   * close the returned server, not this one.
   */
  public TestServer reopen(UnaryOperator<LeadscoreConfig> tweak) {
    node.close();
    return new TestServer(tweak.apply(config), database, clock);
  }

  /** The node, for use cases the API does not expose. */
  public Node node() {
    return node;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String base() {
    return base;
  }

  /** Creates {@code workspace} (if new) and returns a new key of {@code scope} for it. */
  public String key(String workspace, Scope scope) {
    try {
      node.get(CreateWorkspaceUseCase.class).create(workspace, workspace);
    } catch (io.leadscore.application.port.in.ConflictException exists) {
      // one more key for an existing workspace
    }
    return node.get(ManageApiKeysUseCase.class).create(workspace, scope, "test").token();
  }

  /** An answer: status, content type, body and, when it is JSON, its tree. */
  public record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    /** A response header, or null. */
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Answer get(String path, String key) {
    return send(request(path, key).GET());
  }

  public Answer delete(String path, String key) {
    return send(request(path, key).DELETE());
  }

  public Answer post(String path, String key, String json) {
    return send(
        request(path, key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer put(String path, String key, String contentType, String body) {
    return send(
        request(path, key)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends any request built on {@link #request}. */
  public Answer send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request to {@code path} with the key as a bearer token (none when null). */
  public HttpRequest.Builder request(String path, String key) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return builder;
  }

  @Override
  public void close() throws Exception {
    try {
      node.close();
    } finally {
      database.close();
    }
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("leadscore-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
