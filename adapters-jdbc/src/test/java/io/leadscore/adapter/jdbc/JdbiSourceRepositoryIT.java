package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.SourceRepository;
import io.leadscore.application.port.out.SourceRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SourceRepositoryContract} on {@code JdbiSourceRepository}, on H2 and on PostgreSQL. */
class JdbiSourceRepositoryIT {
  abstract static class On implements SourceRepositoryContract {
    abstract TestDatabase db();

    @Override
    public SourceRepository sources() {
      return new JdbiSourceRepository(db().transactions());
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
