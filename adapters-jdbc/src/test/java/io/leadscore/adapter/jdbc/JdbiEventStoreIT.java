package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.EventStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link EventStoreContract} on {@link JdbiEventStore}: on H2 (JDBC batch), on PostgreSQL through
 * {@code COPY} and a staging table (the default there), and on PostgreSQL through the JDBC batch.
 */
class JdbiEventStoreIT {
  abstract static class On implements EventStoreContract {
    abstract TestDatabase db();

    boolean copyOnPostgres() {
      return true;
    }

    @Override
    public EventStore events() {
      return new JdbiEventStore(db().transactions(), copyOnPostgres());
    }

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
  class OnPostgresWithCopy extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
      return db;
    }
  }

  @Nested
  class OnPostgresWithBatches extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
      return db;
    }

    @Override
    boolean copyOnPostgres() {
      return false;
    }
  }
}
