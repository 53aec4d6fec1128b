package io.leadscore.bootstrap.module;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.leadscore.adapter.http.api.ApiMetrics;
import io.leadscore.adapter.jdbc.Database;
import io.leadscore.adapter.jdbc.JdbcPersistence;
import io.leadscore.application.port.out.ApiKeyRepository;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.SourceRepository;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.WebhookDeliveries;
import io.leadscore.application.port.out.WebhookRepository;
import io.leadscore.application.port.out.WorkspaceRepository;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import java.time.Clock;

/**
 * The JDBC adapter: one {@link Database} (a bounded pool; no connection until first use) and every
 * persistence port on it. Binds the database's settings from the configuration.
 */
public final class PersistenceModule extends AbstractModule {
  private final LeadscoreConfig.DatabaseConfig config;

  public PersistenceModule(LeadscoreConfig.DatabaseConfig config) {
    this.config = config;
  }

  @Provides
  @Singleton
  Database database() {
    return new Database(
        new Database.Settings(
            config.url(),
            config.user(),
            config.password(),
            config.connectTimeout(),
            config.socketTimeout(),
            config.poolSize()));
  }

  @Provides
  @Singleton
  JdbcPersistence persistence(Database database, Clock clock) {
    return new JdbcPersistence(database, clock);
  }

  @Provides
  Transactions transactions(JdbcPersistence persistence) {
    return persistence.transactions();
  }

  @Provides
  WorkspaceRepository workspaces(JdbcPersistence persistence) {
    return persistence.workspaces();
  }

  @Provides
  ApiKeyRepository apiKeys(JdbcPersistence persistence) {
    return persistence.apiKeys();
  }

  @Provides
  ContactRepository contacts(JdbcPersistence persistence) {
    return persistence.contacts();
  }

  @Provides
  EventStore events(JdbcPersistence persistence) {
    return persistence.events();
  }

  @Provides
  ModelRepository models(JdbcPersistence persistence) {
    return persistence.models();
  }

  @Provides
  ScoreStore scores(JdbcPersistence persistence) {
    return persistence.scores();
  }

  @Provides
  ScoreRefreshQueue refreshQueue(JdbcPersistence persistence) {
    return persistence.refreshQueue();
  }

  @Provides
  Notifier notifier(JdbcPersistence persistence) {
    return persistence.notifier();
  }

  @Provides
  SourceRepository sources(JdbcPersistence persistence) {
    return persistence.sources();
  }

  @Provides
  WebhookRepository webhooks(JdbcPersistence persistence) {
    return persistence.webhooks();
  }

  @Provides
  WebhookDeliveries deliveries(JdbcPersistence persistence) {
    return persistence.deliveries();
  }

  @Provides
  @Singleton
  JobRepository jobs(JdbcPersistence persistence, ApiMetrics metrics) {
    return new LoggedJobRepository(persistence.jobs(), metrics);
  }
}
