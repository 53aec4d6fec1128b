package io.leadscore.adapter.jdbc;

import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.DoublingBackoff;
import io.leadscore.application.fake.FakeVendor;
import io.leadscore.application.fake.JacksonDocuments;
import io.leadscore.application.fake.ScriptedWebhookSender;
import io.leadscore.application.port.out.DeliveryBackoff;
import io.leadscore.application.port.out.WebhookSender;
import io.leadscore.application.port.out.vendor.VendorConnectorFactory;
import java.time.Clock;
import java.util.Map;

/**
 * The use cases wired on the JDBC adapters, as bootstrap wires them: for tests, the ingest driver
 * and the benchmark harness (it ships in this module's test-jar).
 */
public final class JdbcApplication {
  private JdbcApplication() {}

  /**
   * The use cases on {@code persistence}, with {@code clock}; {@code node} names job leases.
   * Webhooks go to a {@link ScriptedWebhookSender} that accepts them all; the one vendor module is
   * a {@link FakeVendor}.
   */
  public static Application on(JdbcPersistence persistence, Clock clock, String node) {
    return on(persistence, Map.of(FakeVendor.KIND, new FakeVendor()), clock, node);
  }

  /** The use cases on {@code persistence}, with these vendor modules. */
  public static Application on(
      JdbcPersistence persistence,
      Map<String, VendorConnectorFactory> vendors,
      Clock clock,
      String node) {
    return on(
        persistence, vendors, clock, node, new ScriptedWebhookSender(), DoublingBackoff.standard());
  }

  /** The use cases on {@code persistence}, sending webhooks with {@code sender}. */
  public static Application on(
      JdbcPersistence persistence,
      Clock clock,
      String node,
      WebhookSender sender,
      DeliveryBackoff backoff) {
    return on(persistence, Map.of(FakeVendor.KIND, new FakeVendor()), clock, node, sender, backoff);
  }

  /** The use cases on {@code persistence}, with these vendor modules and webhook sender. */
  public static Application on(
      JdbcPersistence persistence,
      Map<String, VendorConnectorFactory> vendors,
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
            persistence.sources(),
            persistence.webhooks(),
            persistence.deliveries(),
            sender,
            backoff),
        vendors,
        clock,
        node);
  }
}
