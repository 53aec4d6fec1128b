package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.ApiKeyRepository;
import io.leadscore.application.port.out.ApiKeyRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ApiKeyRepositoryContract} on {@code JdbiApiKeyRepository}, on H2 and on PostgreSQL. */
class JdbiApiKeyRepositoryIT {
  abstract static class On implements ApiKeyRepositoryContract {
    abstract TestDatabase db();

    @Override
    public ApiKeyRepository apiKeys() {
      return new JdbiApiKeyRepository(db().transactions());
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
