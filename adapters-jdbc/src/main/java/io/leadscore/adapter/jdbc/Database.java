package io.leadscore.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: a bounded connection pool on an embedded H2 file database (the default, under
 * {@code ./data}) or on PostgreSQL (chosen by a {@code jdbc:postgresql:} URL), its migrations, and
 * the {@link Jdbi} the stores use (http-api.md, "CLI" and "When something is down").
 *
 * <p>Making one does no I/O: the pool connects on first use, so a database that is down at start
 * makes requests fail (fast, after {@link Settings#connectTimeout()}) rather than the process, and
 * it recovers by itself when the database returns. PostgreSQL connections carry connect and socket
 * timeouts, so a hung server fails a request instead of holding its thread forever.
 *
 * <p>H2 durability: {@code WRITE_DELAY=0} is added to an H2 URL that does not set it, so each
 * commit writes the MVStore chunk to the file before the commit returns (H2's default writes up to
 * 500 ms later from a background thread, so a killed process would lose acknowledged events). The
 * write is not fsync'ed: a commit survives the process being killed ({@code kill -9}), not a power
 * failure; production deployments use PostgreSQL.
 *
 * <p>Thread-safe. {@link #close()} closes the pool.
 */
public final class Database implements AutoCloseable {

  /** The embedded default: an H2 file database under {@code ./data}, in PostgreSQL mode. */
  public static final String DEFAULT_URL = embeddedUrl("./data/leadscore");

  /**
   * The URL of an embedded H2 file database at {@code path} (files {@code path.mv.db}; absolute or
   * starting with {@code ./}), in the PostgreSQL mode the shared migrations need, committing
   * durably.
   */
  public static String embeddedUrl(String path) {
    return "jdbc:h2:"
        + path
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
  }

  /** The longest a PostgreSQL statement waits for a lock before it fails as unavailable. */
  public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How to reach the database.
   *
   * @param url a {@code jdbc:h2:} (file URLs absolute or starting with {@code ./}) or {@code
   *     jdbc:postgresql:} URL
   * @param user null for none
   * @param password null for none
   * @param connectTimeout how long to wait for a new connection, and for a free one from the pool
   * @param socketTimeout how long a PostgreSQL statement may wait for the server's answer
   * @param maxPoolSize the most connections open at once
   */
  public record Settings(
      String url,
      String user,
      String password,
      Duration connectTimeout,
      Duration socketTimeout,
      int maxPoolSize) {
    public Settings {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(socketTimeout, "socketTimeout");
      if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "url: must start with jdbc:h2: or jdbc:postgresql:, was " + url);
      }
      if (connectTimeout.toMillis() < 250) {
        throw new IllegalArgumentException("connectTimeout: must be at least 250 ms");
      }
      if (socketTimeout.toSeconds() < 1) {
        throw new IllegalArgumentException("socketTimeout: must be at least 1 s");
      }
      if (maxPoolSize < 1) {
        throw new IllegalArgumentException("maxPoolSize: must be at least 1, was " + maxPoolSize);
      }
    }

    /** This URL with 5 s to connect, 30 s for an answer and at most 10 connections. */
    public static Settings of(String url, String user, String password) {
      return new Settings(url, user, password, Duration.ofSeconds(5), Duration.ofSeconds(30), 10);
    }

    /** The embedded H2 database under {@code ./data}. */
    public static Settings embedded() {
      return of(DEFAULT_URL, null, null);
    }
  }

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private volatile Vendor vendor;
  private volatile boolean migrated;

  /** A pool on the database; connects on first use. */
  public Database(Settings settings) {
    var config = new HikariConfig();
    config.setPoolName("leadscore");
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
    config.setConnectionTimeout(settings.connectTimeout().toMillis());
    config.setValidationTimeout(Math.min(settings.connectTimeout().toMillis(), 5_000));
    // no connection at construction: start-up does no I/O, and a down database is not fatal
    config.setInitializationFailTimeout(-1);
    if (settings.url().startsWith("jdbc:postgresql:")) {
      config.setDriverClassName("org.postgresql.Driver");
      config.setJdbcUrl(settings.url());
      config.addDataSourceProperty("connectTimeout", seconds(settings.connectTimeout()));
      config.addDataSourceProperty("loginTimeout", seconds(settings.connectTimeout()));
      config.addDataSourceProperty("socketTimeout", seconds(settings.socketTimeout()));
      config.addDataSourceProperty("tcpKeepAlive", "true");
      config.addDataSourceProperty("ApplicationName", "leadscore");
      // a statement waiting on a lock gives up (and the request answers 503) instead of holding
      // its connection and thread while another session keeps a table locked (database-hung)
      config.addDataSourceProperty("options", "-c lock_timeout=" + LOCK_TIMEOUT.toMillis());
    } else {
      config.setDriverClassName("org.h2.Driver");
      config.setJdbcUrl(durableH2(settings.url()));
    }
    this.dataSource = new HikariDataSource(config);
    this.jdbi = Jdbi.create(dataSource);
  }

  /** H2's default commits lazily; a commit must be on file before it is acknowledged. */
  static String durableH2(String url) {
    return url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
  }

  private static String seconds(Duration duration) {
    return Long.toString(Math.max(1, duration.toSeconds()));
  }

  /**
   * Applies the migrations not yet applied: {@code db/migration} plus this vendor's {@code
   * db/vendor/<h2|postgresql>}. A no-op on an up-to-date database; safe to run from several nodes
   * at once (Flyway locks its history table).
   *
   * <p>A migration that failed or was killed half-way runs again (quality.md, migration-crash).
   * PostgreSQL applies each one in a transaction, so nothing of it remains. H2 commits each DDL
   * statement, so part of it remains and Flyway records it as failed; migrations are written to run
   * again over their own leftovers ({@code IF NOT EXISTS}), and the failed record is removed here
   * so that they do. (Not Flyway's {@code repair()}: that would also accept edited migrations by
   * realigning their checksums.)
   *
   * @return how many migrations ran
   */
  public int migrate() {
    Vendor connected = vendor();
    Flyway flyway = flyway(connected);
    if (connected == Vendor.H2) {
      forgetFailedMigrations(flyway.getConfiguration().getTable());
    }
    return flyway.migrate().migrationsExecuted;
  }

  private Flyway flyway(Vendor connected) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + connected.folder())
        .failOnMissingLocations(true)
        .load();
  }

  private void forgetFailedMigrations(String historyTable) {
    jdbi.useHandle(
        handle -> {
          boolean exists =
              handle
                      .createQuery(
                          "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :name")
                      .bind("name", historyTable)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (exists) {
            handle.execute("DELETE FROM " + historyTable + " WHERE NOT success");
          }
        });
  }

  /**
   * What keeps this database from serving requests, empty when it can: the pool answers, the events
   * table can be read (within {@link #LOCK_TIMEOUT} on PostgreSQL, so a table locked by another
   * session shows as degraded), and no migration is pending. Never throws.
   */
  public List<String> readinessProblems() {
    try {
      jdbi.useHandle(
          handle ->
              handle.createQuery("SELECT 1 FROM events WHERE 1 = 0").mapTo(Integer.class).list());
    } catch (RuntimeException e) {
      return List.of("database: " + Unavailability.translate(e).getMessage());
    }
    if (!migrated) {
      try {
        int pending = flyway(vendor()).info().pending().length;
        if (pending > 0) {
          return List.of(
              "database: " + pending + " migrations not applied (run leadscore migrate)");
        }
        migrated = true;
      } catch (RuntimeException e) {
        return List.of("database: cannot read the migration history: " + e.getMessage());
      }
    }
    return List.of();
  }

  /** The JDBI the stores run on. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The connected database's vendor, read once from its metadata. */
  Vendor vendor() {
    Vendor known = vendor;
    if (known == null) {
      known =
          jdbi.withHandle(
              handle -> {
                try {
                  return Vendor.fromProductName(
                      handle.getConnection().getMetaData().getDatabaseProductName());
                } catch (SQLException e) {
                  throw new IllegalStateException("cannot read the database's metadata", e);
                }
              });
      vendor = known;
    }
    return known;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
