package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.WebhookRepository;
import io.leadscore.application.port.out.WebhookRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WebhookRepositoryContract} on {@link JdbiWebhookRepository}, on H2 and on PostgreSQL. */
class JdbiWebhookRepositoryIT {
  abstract static class On implements WebhookRepositoryContract {
    abstract TestDatabase db();

    @Override
    public WebhookRepository webhooks() {
      return new JdbiWebhookRepository(db().transactions());
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
