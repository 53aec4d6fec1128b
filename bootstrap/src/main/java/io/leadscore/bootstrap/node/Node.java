package io.leadscore.bootstrap.node;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.leadscore.adapter.http.api.ApiMetrics;
import io.leadscore.adapter.http.api.ApiServer;
import io.leadscore.adapter.jdbc.Database;
import io.leadscore.application.port.in.DeliverWebhooksUseCase;
import io.leadscore.application.port.in.RefreshScoresUseCase;
import io.leadscore.application.port.in.RunJobsUseCase;
import io.leadscore.application.port.in.ScheduleSyncsUseCase;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import io.leadscore.bootstrap.module.ApplicationModule;
import io.leadscore.bootstrap.module.CoreModule;
import io.leadscore.bootstrap.module.HttpModule;
import io.leadscore.bootstrap.module.PersistenceModule;
import io.leadscore.bootstrap.module.VendorModule;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Leadscore node: the injector made once (style.md, "Wiring") and the one lifecycle object that
 * starts and stops what runs: migrations (when configured), the background workers, the API server.
 * {@link #close()} stops in the reverse order, gracefully: the server stops taking requests and
 * finishes those in flight, the workers finish their rounds, then the pool closes (every commit is
 * already durable, so nothing is left to flush). Not thread-safe: start and close from one thread
 * (the shutdown hook calls close).
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private static final int WEBHOOK_BATCH = 100;

  /**
   * Webhook sending threads (docs/operations.md, "Egress"): each claims one delivery at a time, so
   * a stalling receiver holds at most the threads sending to it, each for the sender's timeout.
   */
  static final int WEBHOOK_SENDERS = 8;

  private static final Duration SYNC_SCHEDULE_CHECK = Duration.ofSeconds(30);

  private final LeadscoreConfig config;
  private final Injector injector;
  private ApiServer server;
  private Workers workers;

  /** A node on this configuration; does no I/O until {@link #start()}. */
  public Node(LeadscoreConfig config, Clock clock) {
    this.config = config;
    this.injector =
        Guice.createInjector(
            new CoreModule(config, clock),
            new PersistenceModule(config.database()),
            new ApplicationModule(),
            new VendorModule(),
            new HttpModule());
  }

  /** Something the injector provides (use cases for the CLI and tests). */
  public <T> T get(Class<T> type) {
    return injector.getInstance(type);
  }

  /** Applies pending migrations; returns how many ran. */
  public int migrate() {
    return get(Database.class).migrate();
  }

  /** Migrates (when configured), starts the workers (when enabled) and the API server. */
  public Node start() {
    if (config.database().migrateOnStart()) {
      int ran = migrate();
      if (ran > 0) {
        LOG.info("applied {} database migration(s)", ran);
      }
    }
    LOG.info(
        "egress: outbound calls reach public addresses{}",
        config.egress().allow().isEmpty() ? " only" : " and " + config.egress().allow());
    if (config.workers().enabled()) {
      workers =
          new Workers(config.workers(), get(RefreshScoresUseCase.class), get(RunJobsUseCase.class));
      var metrics = get(ApiMetrics.class);
      var deliver = get(DeliverWebhooksUseCase.class);
      workers.add(
          new Workers.Task(
              "webhooks",
              config.workers().webhooks(),
              () -> {
                int attempts = deliver.deliverDue(WEBHOOK_BATCH);
                metrics.webhookDeliveries("attempted", attempts);
                return attempts;
              },
              WEBHOOK_SENDERS));
      var schedule = get(ScheduleSyncsUseCase.class);
      workers.add(new Workers.Task("sync-schedule", SYNC_SCHEDULE_CHECK, schedule::enqueueDue));
      workers.start();
    }
    server = get(ApiServer.class).start(config.server().host(), config.server().port());
    return this;
  }

  /** The port the API listens on (after {@link #start()}). */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    if (server != null) {
      LOG.info("stopping: no new requests; finishing those in flight");
      server.stop();
    }
    if (workers != null) {
      workers.stop(Duration.ofSeconds(30));
    }
    get(Database.class).close();
    LOG.info("stopped");
  }
}
