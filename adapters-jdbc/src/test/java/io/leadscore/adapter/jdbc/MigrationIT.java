package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.adapter.jdbc.TestDatabase.Kind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migrations on databases of their own (quality.md, migration-crash): running them again changes
 * nothing, and one that failed or whose session was killed half-way runs again once the cause is
 * gone, leaving a consistent schema history.
 */
class MigrationIT {
  /** Applied versions and whether each succeeded, in order. */
  private static List<String> history(Database database) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        """
                        SELECT version, success FROM flyway_schema_history
                        WHERE version IS NOT NULL AND type <> 'BASELINE' ORDER BY installed_rank
                        """)
                    .map(
                        (row, context) ->
                            row.getString("version") + ":" + row.getBoolean("success"))
                    .list());
  }

  /**
   * Starts the schema history at an empty version 0, as an earlier release would have left it:
   * Flyway refuses to migrate a schema that has tables but no history, and these tests put a stray
   * table in the way before V1 runs.
   */
  private static void startHistory(Database database) {
    Flyway.configure().dataSource(database.dataSource()).baselineVersion("0").load().baseline();
  }

  private static List<String> expectedHistory(Kind kind) {
    return kind == Kind.H2
        ? List.of("1:true", "2:true", "3:true", "4:true", "6:true")
        : List.of("1:true", "1.1:true", "2:true", "3:true", "4:true", "6:true");
  }

  private static boolean tableExists(Database database, String table) {
    return database
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :t")
                        .bind("t", table)
                        .mapTo(Integer.class)
                        .one())
        > 0;
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void running_migrate_on_a_migrated_database_changes_nothing(Kind kind) {
    try (var fresh = TestDatabase.fresh(kind);
        var database = new Database(fresh.settings())) {
      assertThat(database.migrate()).isEqualTo(expectedHistory(kind).size());

      assertThat(database.migrate()).isZero();

      assertThat(history(database)).isEqualTo(expectedHistory(kind));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void a_migration_that_failed_half_way_runs_again_once_the_cause_is_gone(Kind kind) {
    try (var fresh = TestDatabase.fresh(kind);
        var database = new Database(fresh.settings())) {
      startHistory(database);
      // a stray table where V1 makes scores: V1 fails at the first index on it, half-way through
      database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE scores (stray INTEGER)"));

      assertThatThrownBy(database::migrate).isInstanceOf(RuntimeException.class);
      if (kind == Kind.POSTGRES) {
        // one transaction: nothing of V1 is left
        assertThat(tableExists(database, "workspaces")).isFalse();
      } else {
        // DDL commits statement by statement: the tables before scores are there
        assertThat(tableExists(database, "workspaces")).isTrue();
      }

      database.jdbi().useHandle(handle -> handle.execute("DROP TABLE scores"));
      assertThat(database.migrate()).isEqualTo(expectedHistory(kind).size());

      assertThat(history(database)).isEqualTo(expectedHistory(kind));
      assertThat(TestDatabase.TABLES).allMatch(table -> tableExists(database, table));
    }
  }

  @Test
  void a_migration_whose_session_is_killed_half_way_runs_again() throws Exception {
    try (var fresh = TestDatabase.fresh(Kind.POSTGRES);
        var database = new Database(fresh.settings());
        Connection blocker = connect(fresh.settings())) {
      startHistory(database);
      // a table V1 will index, held locked: the migration stops half-way and waits there
      database
          .jdbi()
          .useHandle(
              handle ->
                  handle.execute("CREATE TABLE api_keys (workspace_id TEXT, created_at TEXT)"));
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("LOCK TABLE api_keys IN ACCESS EXCLUSIVE MODE");
      }
      var migration = CompletableFuture.supplyAsync(database::migrate);
      int migratingSession = awaitSessionWaitingForALock(database);

      database
          .jdbi()
          .useHandle(
              handle ->
                  handle
                      .createQuery("SELECT pg_terminate_backend(:pid)")
                      .bind("pid", migratingSession)
                      .mapTo(Boolean.class)
                      .one());
      assertThatThrownBy(() -> migration.get(20, TimeUnit.SECONDS)).isNotNull();
      blocker.rollback();

      assertThat(tableExists(database, "workspaces")).isFalse();
      database.jdbi().useHandle(handle -> handle.execute("DROP TABLE api_keys"));
      assertThat(database.migrate()).isEqualTo(expectedHistory(Kind.POSTGRES).size());
      assertThat(history(database)).isEqualTo(expectedHistory(Kind.POSTGRES));
    }
  }

  private static Connection connect(Database.Settings settings) throws SQLException {
    var properties = new Properties();
    properties.setProperty("user", settings.user());
    properties.setProperty("password", settings.password());
    return DriverManager.getConnection(settings.url(), properties);
  }

  private static int awaitSessionWaitingForALock(Database database) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<Integer> waiting =
          database
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              """
                              SELECT pid FROM pg_stat_activity
                              WHERE datname = current_database() AND wait_event_type = 'Lock'
                              """)
                          .mapTo(Integer.class)
                          .list());
      if (!waiting.isEmpty()) {
        return waiting.getFirst();
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    throw new AssertionError(
        "the migration never waited for the lock; sessions: "
            + database
                .jdbi()
                .withHandle(
                    handle ->
                        handle
                            .createQuery(
                                "SELECT state || ' ' || COALESCE(wait_event_type, '-') || ' ' ||"
                                    + " COALESCE(wait_event, '-') || ' ' || query FROM"
                                    + " pg_stat_activity WHERE datname = current_database()")
                            .mapTo(String.class)
                            .list()));
  }
}
