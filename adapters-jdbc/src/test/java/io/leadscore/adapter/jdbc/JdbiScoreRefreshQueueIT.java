package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreRefreshQueueContract;
import io.leadscore.application.port.out.Transactions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ScoreRefreshQueueContract} on {@code JdbiScoreRefreshQueue}, on H2 and on PostgreSQL. */
class JdbiScoreRefreshQueueIT {
  abstract static class On implements ScoreRefreshQueueContract {
    abstract TestDatabase db();

    @Override
    public ScoreRefreshQueue queue() {
      return new JdbiScoreRefreshQueue(db().transactions());
    }

    @Override
    public Transactions transactions() {
      return db().transactions();
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
