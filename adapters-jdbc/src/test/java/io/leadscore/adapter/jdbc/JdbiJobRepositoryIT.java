package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.JobRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JobRepositoryContract} on {@code JdbiJobRepository}, on H2 and on PostgreSQL. */
class JdbiJobRepositoryIT {
  abstract static class On implements JobRepositoryContract {
    abstract TestDatabase db();

    @Override
    public JobRepository jobs() {
      return new JdbiJobRepository(db().transactions());
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
