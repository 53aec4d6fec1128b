package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.ContactRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ContactRepositoryContract} on {@code JdbiContactRepository}, on H2 and on PostgreSQL. */
class JdbiContactRepositoryIT {
  abstract static class On implements ContactRepositoryContract {
    abstract TestDatabase db();

    @Override
    public ContactRepository contacts() {
      return new JdbiContactRepository(db().transactions());
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
