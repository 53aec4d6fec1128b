package io.leadscore.adapter.jdbc;

import java.time.Clock;

/**
 * Every persistence port on one database, made once: what {@code bootstrap} (and tests and the
 * benchmark harness) wire the use cases with. All share one {@link JdbiTransactions}, so a use
 * case's calls to several of them join one transaction. Thread-safe.
 */
public final class JdbcPersistence {
  private final JdbiTransactions transactions;
  private final JdbiWorkspaceRepository workspaces;
  private final JdbiApiKeyRepository apiKeys;
  private final JdbiContactRepository contacts;
  private final JdbiEventStore events;
  private final JdbiModelRepository models;
  private final JdbiScoreStore scores;
  private final JdbiScoreRefreshQueue refreshQueue;
  private final JdbiJobRepository jobs;
  private final JdbiNotifier notifier;
  private final JdbiSourceRepository sources;
  private final JdbiWebhookRepository webhooks;
  private final JdbiWebhookDeliveries deliveries;

  /** The ports on {@code database}; notifications are stamped by {@code clock}. */
  public JdbcPersistence(Database database, Clock clock) {
    transactions = new JdbiTransactions(database);
    workspaces = new JdbiWorkspaceRepository(transactions);
    apiKeys = new JdbiApiKeyRepository(transactions);
    contacts = new JdbiContactRepository(transactions);
    events = new JdbiEventStore(transactions);
    models = new JdbiModelRepository(transactions);
    scores = new JdbiScoreStore(transactions);
    refreshQueue = new JdbiScoreRefreshQueue(transactions);
    jobs = new JdbiJobRepository(transactions);
    notifier = new JdbiNotifier(transactions, clock);
    sources = new JdbiSourceRepository(transactions);
    webhooks = new JdbiWebhookRepository(transactions);
    deliveries = new JdbiWebhookDeliveries(transactions);
  }

  /** The ports on {@code database}, with the system clock. */
  public JdbcPersistence(Database database) {
    this(database, Clock.systemUTC());
  }

  public JdbiTransactions transactions() {
    return transactions;
  }

  public JdbiWorkspaceRepository workspaces() {
    return workspaces;
  }

  public JdbiApiKeyRepository apiKeys() {
    return apiKeys;
  }

  public JdbiContactRepository contacts() {
    return contacts;
  }

  public JdbiEventStore events() {
    return events;
  }

  public JdbiModelRepository models() {
    return models;
  }

  public JdbiScoreStore scores() {
    return scores;
  }

  public JdbiScoreRefreshQueue refreshQueue() {
    return refreshQueue;
  }

  public JdbiJobRepository jobs() {
    return jobs;
  }

  public JdbiNotifier notifier() {
    return notifier;
  }

  public JdbiSourceRepository sources() {
    return sources;
  }

  public JdbiWebhookRepository webhooks() {
    return webhooks;
  }

  public JdbiWebhookDeliveries deliveries() {
    return deliveries;
  }
}
