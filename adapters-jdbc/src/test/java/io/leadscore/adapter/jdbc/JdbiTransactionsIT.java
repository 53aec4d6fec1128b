package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.TransactionsContract;
import io.leadscore.application.port.out.Workspace;
import io.leadscore.application.port.out.WorkspaceRepository;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link TransactionsContract} on {@link JdbiTransactions}, plus what this implementation adds: a
 * nested call that fails is rolled back to its savepoint and leaves the outer transaction usable,
 * even after an SQL error (which on PostgreSQL would otherwise doom the whole transaction).
 */
class JdbiTransactionsIT {
  abstract static class On implements TransactionsContract {
    abstract TestDatabase db();

    @Override
    public Transactions transactions() {
      return db().transactions();
    }

    @Override
    public WorkspaceRepository workspaces() {
      return new JdbiWorkspaceRepository(db().transactions());
    }

    @Test
    void a_failed_nested_call_is_undone_alone_and_the_outer_work_commits() {
      var workspaces = workspaces();
      var transactions = transactions();

      transactions.run(
          () -> {
            workspaces.create(new Workspace("outer", "Outer", T0));
            assertThatThrownBy(
                    () ->
                        transactions.run(
                            () -> {
                              workspaces.create(new Workspace("inner", "Inner", T0));
                              // an SQL error: a NOT NULL column left null
                              db().transactions()
                                  .withHandle(
                                      handle ->
                                          handle.execute(
                                              "INSERT INTO workspaces (id, name, created_at)"
                                                  + " VALUES ('bad', NULL, NULL)"));
                            }))
                .isInstanceOf(RuntimeException.class);
            workspaces.create(new Workspace("after", "After", T0));
          });

      assertThat(
              Stream.of("outer", "inner", "bad", "after")
                  .filter(id -> workspaces.find(id).isPresent()))
          .containsExactly("outer", "after");
    }

    @Test
    void a_transaction_is_bound_to_its_thread_only() throws InterruptedException {
      var workspaces = workspaces();
      var seenElsewhere = new boolean[1];

      transactions()
          .run(
              () -> {
                workspaces.create(new Workspace("mine", "Mine", T0));
                Thread other =
                    Thread.ofPlatform()
                        .start(() -> seenElsewhere[0] = workspaces.find("mine").isPresent());
                try {
                  other.join();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              });

      assertThat(seenElsewhere[0]).as("uncommitted row seen by another thread").isFalse();
      assertThat(List.of(workspaces.find("mine").isPresent())).containsExactly(true);
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
