package io.leadscore.adapter.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated database for a test class, emptied before each test: an H2 file database in a
 * temporary folder, or a PostgreSQL database made for this test run ({@code
 * leadscore_test_<random>}, dropped when the run ends). One of each kind serves the whole run.
 *
 * <p>PostgreSQL is reached at {@code -Dpg.url} (default {@code jdbc:postgresql://127.0.0.1:5432/},
 * user {@code -Dpg.user}, default {@code postgres}, password {@code -Dpg.password}). When it does
 * not answer, its tests are skipped, unless {@code -Dpg.required=true} (CI), when they fail.
 *
 * <p>PostgreSQL test databases use an ICU en-US collation where the server has one, under which "a"
 * sorts before "B": so the tests prove that the schema orders keys by code point whatever the
 * database's collation (migration V1.1).
 */
public final class TestDatabase implements BeforeEachCallback {
  /** Which database. */
  public enum Kind {
    H2,
    POSTGRES
  }

  /** Every table the migrations make, emptied before each test (children first). */
  static final List<String> TABLES =
      List.of(
          "workspaces",
          "api_keys",
          "contacts",
          "contact_external_ids",
          "events",
          "models",
          "model_versions",
          "scores",
          "score_topics",
          "score_refresh_queue",
          "jobs",
          "webhook_deliveries",
          "webhook_subscriptions",
          "notifications",
          "sources");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestDatabase.class);

  private final Kind kind;
  private Shared shared;

  private TestDatabase(Kind kind) {
    this.kind = kind;
  }

  /** A migrated H2 file database, emptied before each test. */
  public static TestDatabase h2() {
    return new TestDatabase(Kind.H2);
  }

  /**
   * A migrated PostgreSQL database, emptied before each test; skips (or fails, with {@code
   * -Dpg.required=true}) when PostgreSQL is down.
   */
  public static TestDatabase postgres() {
    return new TestDatabase(Kind.POSTGRES);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    shared =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(kind, key -> Shared.create(kind), Shared.class);
    shared.requireAvailable();
    shared.clear();
  }

  public Database database() {
    return shared.database;
  }

  public JdbiTransactions transactions() {
    return shared.transactions;
  }

  public Kind kind() {
    return kind;
  }

  /** One migrated database of a kind for the whole run; closed (and dropped) at its end. */
  private static final class Shared implements AutoCloseable {
    private final Fresh fresh;
    private final String unavailable;
    private final Database database;
    private final JdbiTransactions transactions;

    private Shared(Fresh fresh, String unavailable) {
      this.fresh = fresh;
      this.unavailable = unavailable;
      if (fresh == null) {
        database = null;
        transactions = null;
      } else {
        database = new Database(fresh.settings());
        database.migrate();
        transactions = new JdbiTransactions(database);
      }
    }

    static Shared create(Kind kind) {
      try {
        return new Shared(fresh(kind), null);
      } catch (PostgresUnavailableException e) {
        return new Shared(null, e.getMessage());
      }
    }

    void requireAvailable() {
      if (unavailable != null) {
        skipOrFail(unavailable);
      }
    }

    void clear() {
      transactions.withHandle(
          handle -> {
            for (String table : TABLES) {
              handle.execute("DELETE FROM " + table);
            }
            return null;
          });
    }

    @Override
    public void close() {
      if (database != null) {
        database.close();
      }
      if (fresh != null) {
        fresh.close();
      }
    }
  }

  private static void skipOrFail(String reason) {
    if (Boolean.getBoolean("pg.required")) {
      throw new IllegalStateException("PostgreSQL is required (-Dpg.required=true): " + reason);
    }
    Assumptions.abort("PostgreSQL unavailable, test skipped: " + reason);
  }

  /**
   * An empty, unmigrated database of its own, for tests that migrate by themselves. Skips (or
   * fails, with {@code -Dpg.required=true}) when PostgreSQL is down.
   */
  static Fresh fresh(Kind kind) {
    return switch (kind) {
      case H2 -> freshH2();
      case POSTGRES -> {
        try {
          yield freshPostgres();
        } catch (PostgresUnavailableException e) {
          skipOrFail(e.getMessage());
          throw e;
        }
      }
    };
  }

  /** An empty database and how to reach it; closing deletes it. */
  record Fresh(Database.Settings settings, Runnable cleanup) implements AutoCloseable {
    @Override
    public void close() {
      cleanup.run();
    }
  }

  private static final class PostgresUnavailableException extends RuntimeException {
    PostgresUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static Fresh freshH2() {
    try {
      Path folder = Files.createTempDirectory("leadscore-h2-");
      String url =
          "jdbc:h2:"
              + folder.toAbsolutePath()
              + "/leadscore;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
      return new Fresh(Database.Settings.of(url, "sa", ""), () -> deleteRecursively(folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String postgresBaseUrl() {
    String base = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    return base.endsWith("/") ? base : base + "/";
  }

  static String postgresUser() {
    return System.getProperty("pg.user", "postgres");
  }

  static String postgresPassword() {
    return System.getProperty("pg.password", "");
  }

  /** A connection to the server's maintenance database, for creating and dropping databases. */
  static Connection postgresAdmin() throws SQLException {
    var properties = new Properties();
    properties.setProperty("user", postgresUser());
    properties.setProperty("password", postgresPassword());
    properties.setProperty("connectTimeout", "3");
    properties.setProperty("socketTimeout", "30");
    return DriverManager.getConnection(postgresBaseUrl() + "postgres", properties);
  }

  private static Fresh freshPostgres() {
    String name =
        "leadscore_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = postgresAdmin();
        Statement statement = admin.createStatement()) {
      try {
        statement.execute(
            "CREATE DATABASE "
                + name
                + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
      } catch (SQLException noIcu) {
        statement.execute("CREATE DATABASE " + name);
      }
    } catch (SQLException e) {
      throw new PostgresUnavailableException(
          "cannot create a database at " + postgresBaseUrl() + ": " + e.getMessage(), e);
    }
    var settings =
        Database.Settings.of(postgresBaseUrl() + name, postgresUser(), postgresPassword());
    return new Fresh(settings, () -> dropPostgres(name));
  }

  private static void dropPostgres(String name) {
    try (Connection admin = postgresAdmin();
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name, e);
    }
  }
}
