package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.WorkspaceRepository;
import io.leadscore.application.port.out.WorkspaceRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link WorkspaceRepositoryContract} on {@code JdbiWorkspaceRepository}, on H2 and on PostgreSQL.
 */
class JdbiWorkspaceRepositoryIT {
  abstract static class On implements WorkspaceRepositoryContract {
    abstract TestDatabase db();

    @Override
    public WorkspaceRepository workspaces() {
      return new JdbiWorkspaceRepository(db().transactions());
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
