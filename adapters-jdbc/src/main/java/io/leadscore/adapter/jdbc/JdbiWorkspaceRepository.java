package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;
import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.Workspace;
import io.leadscore.application.port.out.WorkspaceRepository;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Workspaces in the {@code workspaces} table. Thread-safe. */
public final class JdbiWorkspaceRepository implements WorkspaceRepository {
  private static final String INSERT =
      """
      INSERT INTO workspaces (id, name, created_at) VALUES (:id, :name, :createdAt)
      ON CONFLICT DO NOTHING
      """;
  private static final String FIND = "SELECT id, name, created_at FROM workspaces WHERE id = :id";
  private static final RowMapper<Workspace> WORKSPACE =
      (row, context) ->
          new Workspace(row.getString("id"), row.getString("name"), instant(row, "created_at"));

  private final JdbiTransactions transactions;

  /** Workspaces through these transactions. */
  public JdbiWorkspaceRepository(JdbiTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public boolean create(Workspace workspace) {
    return transactions.withHandle(
            handle ->
                handle
                    .createUpdate(INSERT)
                    .bind("id", workspace.id())
                    .bind("name", workspace.name())
                    .bind("createdAt", timestamp(workspace.createdAt()))
                    .execute())
        == 1;
  }

  @Override
  public Optional<Workspace> find(String id) {
    return transactions.withHandle(
        handle -> handle.createQuery(FIND).bind("id", id).map(WORKSPACE).findOne());
  }
}
