package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.WebhookDeliveries;
import io.leadscore.application.port.out.WebhookDeliveriesContract;
import io.leadscore.application.port.out.WebhookRepository;
import java.time.Clock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link WebhookDeliveriesContract} on {@link JdbiWebhookDeliveries} (with {@link JdbiNotifier} and
 * {@link JdbiWebhookRepository}), on H2 and on PostgreSQL, where concurrent claimers on their own
 * connections must skip each other's rows.
 */
class JdbiWebhookDeliveriesIT {
  abstract static class On implements WebhookDeliveriesContract {
    abstract TestDatabase db();

    @Override
    public Transactions transactions() {
      return db().transactions();
    }

    @Override
    public Notifier notifier() {
      return new JdbiNotifier(db().transactions(), Clock.systemUTC());
    }

    @Override
    public WebhookRepository webhooks() {
      return new JdbiWebhookRepository(db().transactions());
    }

    @Override
    public WebhookDeliveries deliveries() {
      return new JdbiWebhookDeliveries(db().transactions());
    }
  }

  @Nested
  class OnH2 extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
      return db;
    }
  }

  @Nested
  class OnPostgres extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
      return db;
    }
  }
}
