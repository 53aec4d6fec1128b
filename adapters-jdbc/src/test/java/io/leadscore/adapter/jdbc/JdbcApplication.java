package io.leadscore.adapter.jdbc;

import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.JacksonDocuments;
import java.time.Clock;

/** The use cases wired on the JDBC adapters, as bootstrap wires them, for tests and drivers. */
final class JdbcApplication {
  private JdbcApplication() {}

  static Application on(JdbcPersistence persistence, Clock clock, String node) {
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
            new JacksonDocuments()),
        clock,
        node);
  }
}
