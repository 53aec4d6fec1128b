package io.leadscore.adapter.jdbc;

import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.DoublingBackoff;
import io.leadscore.application.fake.JacksonDocuments;
import io.leadscore.application.fake.ScriptedWebhookSender;
import io.leadscore.application.port.out.DeliveryBackoff;
import io.leadscore.application.port.out.WebhookSender;
import java.time.Clock;

/**
 * The use cases wired on the JDBC adapters, as bootstrap wires them: for tests, the ingest driver
 * and the benchmark harness (it ships in this module's test-jar).
 */
public final class JdbcApplication {
  private JdbcApplication() {}

  /**
   * The use cases on {@code persistence}, with {@code clock}; {@code node} names job leases.
   * Webhooks go to a {@link ScriptedWebhookSender} that accepts them all.
   */
  public static Application on(JdbcPersistence persistence, Clock clock, String node) {
    return on(persistence, clock, node, new ScriptedWebhookSender(), DoublingBackoff.standard());
  }

  /** The use cases on {@code persistence}, sending webhooks with {@code sender}. */
  public static Application on(
      JdbcPersistence persistence,
      Clock clock,
      String node,
      WebhookSender sender,
      DeliveryBackoff backoff) {
    return new Application(
        new Application.Ports(
            persistence.transactions(),
            persistence.workspaces(),
            persistence.apiKeys(),
            persistence.contacts(),
            persistence.events(),
            persistence.models(),
            persistence.scores(),
            persistence.refreshQueue(),
            persistence.jobs(),
            persistence.notifier(),
            new JacksonDocuments(),
            persistence.webhooks(),
            persistence.deliveries(),
            sender,
            backoff),
        clock,
        node);
  }
}
