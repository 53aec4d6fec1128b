package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;
import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.Schedule;
import io.leadscore.application.port.out.Source;
import io.leadscore.application.port.out.SourceRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Vendor sources in the {@code sources} table (V3). The cursor and the next sync time change by
 * compare-and-set ({@code UPDATE .. WHERE sync_cursor = :expected}): on PostgreSQL a second updater
 * waits for the first's row lock and then finds the row no longer matching, so it changes nothing
 * and learns it lost. Cursor moves join the caller's transaction (the page's). Thread-safe.
 */
public final class JdbiSourceRepository implements SourceRepository {
  private static final String COLUMNS =
      """
      id, workspace_id, kind, name, settings, schedule, write_back, hook_secret_hash,
      sync_cursor, next_sync_at, created_at""";
  private static final String INSERT =
      """
      INSERT INTO sources (id, workspace_id, kind, name, settings, schedule, write_back,
        hook_secret_hash, sync_cursor, next_sync_at, created_at)
      VALUES (:id, :workspace, :kind, :name, :settings, :schedule, :writeBack,
        :hookSecretHash, :cursor, :nextSyncAt, :createdAt)
      """;
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM sources WHERE workspace_id = :workspace AND id = :id";
  private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM sources WHERE id = :id";
  private static final String LIST =
      "SELECT " + COLUMNS + " FROM sources WHERE workspace_id = :workspace ORDER BY created_at, id";
  private static final String DUE =
      "SELECT "
          + COLUMNS
          + " FROM sources WHERE next_sync_at <= :now ORDER BY next_sync_at, id LIMIT :limit";
  private static final String ADVANCE =
      """
      UPDATE sources SET sync_cursor = :next
      WHERE workspace_id = :workspace AND id = :id AND sync_cursor = :expected
      """;
  private static final String ADVANCE_FIRST =
      """
      UPDATE sources SET sync_cursor = :next
      WHERE workspace_id = :workspace AND id = :id AND sync_cursor IS NULL
      """;
  private static final String RESCHEDULE =
      """
      UPDATE sources SET next_sync_at = :next
      WHERE workspace_id = :workspace AND id = :id AND next_sync_at = :expected
      """;
  private static final String RESCHEDULE_UNSCHEDULED =
      """
      UPDATE sources SET next_sync_at = :next
      WHERE workspace_id = :workspace AND id = :id AND next_sync_at IS NULL
      """;

  private static final RowMapper<Source> SOURCE =
      (row, context) ->
          new Source(
              row.getString("id"),
              row.getString("workspace_id"),
              row.getString("kind"),
              row.getString("name"),
              JsonCodec.tree(row.getString("settings")),
              Schedule.of(row.getString("schedule")),
              JsonCodec.tree(row.getString("write_back")),
              row.getString("hook_secret_hash"),
              row.getString("sync_cursor"),
              instant(row, "next_sync_at"),
              instant(row, "created_at"));

  private final JdbiTransactions transactions;

  /** Sources through these transactions. */
  public JdbiSourceRepository(JdbiTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void create(Source source) {
    transactions.withHandle(
        handle ->
            handle
                .createUpdate(INSERT)
                .bind("id", source.id())
                .bind("workspace", source.workspace())
                .bind("kind", source.kind())
                .bind("name", source.name())
                .bind("settings", JsonCodec.tree(source.settings()))
                .bind("schedule", source.schedule().text().orElse(null))
                .bind("writeBack", JsonCodec.tree(source.writeBack()))
                .bind("hookSecretHash", source.hookSecretHash())
                .bind("cursor", source.cursor())
                .bind("nextSyncAt", timestamp(source.nextSyncAt()))
                .bind("createdAt", timestamp(source.createdAt()))
                .execute());
  }

  @Override
  public Optional<Source> find(String workspace, String sourceId) {
    return transactions.withHandle(
        handle ->
            handle
                .createQuery(FIND)
                .bind("workspace", workspace)
                .bind("id", sourceId)
                .map(SOURCE)
                .findOne());
  }

  @Override
  public Optional<Source> findById(String sourceId) {
    return transactions.withHandle(
        handle -> handle.createQuery(FIND_BY_ID).bind("id", sourceId).map(SOURCE).findOne());
  }

  @Override
  public List<Source> list(String workspace) {
    return transactions.withHandle(
        handle -> handle.createQuery(LIST).bind("workspace", workspace).map(SOURCE).list());
  }

  @Override
  public boolean advanceCursor(String workspace, String sourceId, String expected, String next) {
    return transactions.withHandle(
            handle -> {
              var update =
                  handle
                      .createUpdate(expected == null ? ADVANCE_FIRST : ADVANCE)
                      .bind("workspace", workspace)
                      .bind("id", sourceId)
                      .bind("next", next);
              if (expected != null) {
                update.bind("expected", expected);
              }
              return update.execute();
            })
        == 1;
  }

  @Override
  public List<Source> due(Instant now, int limit) {
    return transactions.withHandle(
        handle ->
            handle
                .createQuery(DUE)
                .bind("now", timestamp(now))
                .bind("limit", limit)
                .map(SOURCE)
                .list());
  }

  @Override
  public boolean reschedule(String workspace, String sourceId, Instant expected, Instant next) {
    return transactions.withHandle(
            handle -> {
              var update =
                  handle
                      .createUpdate(expected == null ? RESCHEDULE_UNSCHEDULED : RESCHEDULE)
                      .bind("workspace", workspace)
                      .bind("id", sourceId)
                      .bind("next", timestamp(next));
              if (expected != null) {
                update.bind("expected", timestamp(expected));
              }
              return update.execute();
            })
        == 1;
  }
}
