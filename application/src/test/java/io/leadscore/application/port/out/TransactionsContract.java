package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} must do, checked through a {@link WorkspaceRepository} on the
 * same storage. Implementations give both on empty storage for each test.
 */
public interface TransactionsContract {
  Transactions transactions();

  /** A repository whose writes join {@link #transactions()}. */
  WorkspaceRepository workspaces();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private static Workspace workspace(String id) {
    return new Workspace(id, "Workspace " + id, T0);
  }

  @Test
  default void commits_every_write_of_the_work() {
    var workspaces = workspaces();
    transactions()
        .run(
            () -> {
              workspaces.create(workspace("a"));
              workspaces.create(workspace("b"));
            });

    assertThat(workspaces.find("a")).isPresent();
    assertThat(workspaces.find("b")).isPresent();
  }

  @Test
  default void returns_what_the_work_returns() {
    assertThat(transactions().inTransaction(() -> 42)).isEqualTo(42);
  }

  @Test
  default void a_write_inside_a_failed_transaction_is_gone_and_the_exception_propagates() {
    var workspaces = workspaces();
    var failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                transactions()
                    .run(
                        () -> {
                          workspaces.create(workspace("a"));
                          throw failure;
                        }))
        .isSameAs(failure);

    assertThat(workspaces.find("a")).isEmpty();
  }

  @Test
  default void the_work_sees_its_own_writes_before_it_commits() {
    var workspaces = workspaces();
    boolean seen =
        transactions()
            .inTransaction(
                () -> {
                  workspaces.create(workspace("a"));
                  return workspaces.find("a").isPresent();
                });

    assertThat(seen).isTrue();
  }

  @Test
  default void a_nested_call_joins_the_outer_transaction() {
    var workspaces = workspaces();
    var transactions = transactions();

    assertThatThrownBy(
            () ->
                transactions.run(
                    () -> {
                      workspaces.create(workspace("outer"));
                      transactions.run(() -> workspaces.create(workspace("inner")));
                      assertThat(workspaces.find("inner")).isPresent();
                      throw new IllegalStateException("outer fails after the nested call");
                    }))
        .hasMessage("outer fails after the nested call");

    assertThat(workspaces.find("outer")).isEmpty();
    assertThat(workspaces.find("inner")).isEmpty();
  }

  @Test
  default void writes_outside_a_transaction_commit_on_their_own() {
    var workspaces = workspaces();
    workspaces.create(workspace("a"));

    assertThatThrownBy(
            () ->
                transactions()
                    .run(
                        () -> {
                          workspaces.create(workspace("b"));
                          throw new IllegalArgumentException("later failure");
                        }))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(workspaces.find("a")).isPresent();
    assertThat(workspaces.find("b")).isEmpty();
  }
}
