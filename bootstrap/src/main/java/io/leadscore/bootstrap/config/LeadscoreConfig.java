package io.leadscore.bootstrap.config;

import io.leadscore.application.egress.AddressRange;
import io.leadscore.application.egress.EgressPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The whole configuration of a node (http-api.md, "CLI": a YAML file, then environment variables
 * that override it; docs/operations.md lists every key). Immutable.
 *
 * @param server where the API listens
 * @param database which database, and how long to wait for it
 * @param workers the background work this node takes part in
 * @param egress where outbound calls (webhooks, vendor APIs) may go beyond public addresses
 */
public record LeadscoreConfig(
    Server server, DatabaseConfig database, Workers workers, Egress egress) {
  public LeadscoreConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(workers, "workers");
    Objects.requireNonNull(egress, "egress");
  }

  /**
   * This configuration with {@code server} instead (the rest, egress included, kept: a copy that
   * rebuilt the whole record could drop an operator's egress allowance unnoticed).
   */
  public LeadscoreConfig withServer(Server server) {
    return new LeadscoreConfig(server, database, workers, egress);
  }

  /** This configuration with {@code database} instead. */
  public LeadscoreConfig withDatabase(DatabaseConfig database) {
    return new LeadscoreConfig(server, database, workers, egress);
  }

  /** This configuration with {@code egress} instead. */
  public LeadscoreConfig withEgress(Egress egress) {
    return new LeadscoreConfig(server, database, workers, egress);
  }

  /**
   * The egress policy's settings (docs/operations.md, "Egress"): ranges outbound calls may reach
   * although they are not public, such as {@code 127.0.0.0/8} for a receiver on this machine.
   *
   * @param allow CIDR ranges; empty by default
   */
  public record Egress(List<AddressRange> allow) {
    /** Public addresses only: the default. */
    public static final Egress PUBLIC_ONLY = new Egress(List.of());

    public Egress {
      allow = List.copyOf(allow);
    }

    /** The one policy every outbound call of this node obeys. */
    public EgressPolicy policy() {
      return EgressPolicy.allowing(allow);
    }
  }

  /**
   * The API's address and limits.
   *
   * @param maxConcurrentWrites ingest and contact writes at once before 429
   * @param idleTimeout how long a connection may send nothing (a stalled upload) before the server
   *     closes it
   * @param authFailureBudget failed authentications one client address may make in a burst before
   *     it is answered 429 (refilled at one a second; docs/operations.md, "Limits and overload")
   */
  public record Server(
      String host,
      int port,
      int maxThreads,
      int maxConcurrentWrites,
      Duration idleTimeout,
      int authFailureBudget) {
    /** Default idle timeout: 30 seconds. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** Default failure budget per client address: 20. */
    public static final int DEFAULT_AUTH_FAILURE_BUDGET = 20;

    public Server {
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout: must be positive, was " + idleTimeout);
      }
      if (authFailureBudget < 1) {
        throw new IllegalArgumentException(
            "authFailureBudget: must be positive, was " + authFailureBudget);
      }
    }

    /** A server with the default idle timeout and failure budget. */
    public Server(String host, int port, int maxThreads, int maxConcurrentWrites) {
      this(host, port, maxThreads, maxConcurrentWrites, DEFAULT_IDLE_TIMEOUT);
    }

    /** A server with the default failure budget. */
    public Server(
        String host, int port, int maxThreads, int maxConcurrentWrites, Duration idleTimeout) {
      this(host, port, maxThreads, maxConcurrentWrites, idleTimeout, DEFAULT_AUTH_FAILURE_BUDGET);
    }
  }

  /**
   * The database: {@code jdbc:h2:} (embedded, the default) or {@code jdbc:postgresql:}.
   *
   * @param password kept out of logs and {@link #toString()}
   */
  public record DatabaseConfig(
      String url,
      String user,
      String password,
      int poolSize,
      Duration connectTimeout,
      Duration socketTimeout,
      boolean migrateOnStart) {
    @Override
    public String toString() {
      return "DatabaseConfig[url="
          + url
          + ", user="
          + user
          + ", password="
          + (password == null ? "(none)" : "(hidden)")
          + ", poolSize="
          + poolSize
          + "]";
    }
  }

  /**
   * Background work: whether this node runs it at all, and how often each kind looks for work.
   *
   * @param decaySweep how often materialised scores are swept for decay (default 15 minutes)
   */
  public record Workers(
      boolean enabled, Duration refresh, Duration jobs, Duration decaySweep, Duration webhooks) {}

  /** Every default: the embedded database under {@code ./data}, port 7070 on loopback. */
  public static LeadscoreConfig defaults() {
    return new LeadscoreConfig(
        new Server("127.0.0.1", 7070, 250, 16),
        new DatabaseConfig(
            io.leadscore.adapter.jdbc.Database.DEFAULT_URL,
            null,
            null,
            10,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            true),
        new Workers(
            true,
            Duration.ofMillis(200),
            Duration.ofMillis(500),
            Duration.ofMinutes(15),
            Duration.ofSeconds(1)),
        Egress.PUBLIC_ONLY);
  }
}
