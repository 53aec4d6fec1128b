package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.ModelRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ModelRepositoryContract} on {@code JdbiModelRepository}, on H2 and on PostgreSQL. */
class JdbiModelRepositoryIT {
  abstract static class On implements ModelRepositoryContract {
    abstract TestDatabase db();

    @Override
    public ModelRepository models() {
      return new JdbiModelRepository(db().transactions());
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
