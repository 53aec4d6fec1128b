package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.ScoreStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ScoreStoreContract} on {@code JdbiScoreStore}, on H2 and on PostgreSQL. */
class JdbiScoreStoreIT {
  abstract static class On implements ScoreStoreContract {
    abstract TestDatabase db();

    @Override
    public ScoreStore scores() {
      return new JdbiScoreStore(db().transactions());
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
