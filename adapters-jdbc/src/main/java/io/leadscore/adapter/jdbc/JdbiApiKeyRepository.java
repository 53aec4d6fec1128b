package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;
import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.ApiKey;
import io.leadscore.application.port.out.ApiKeyRepository;
import io.leadscore.application.port.out.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * API keys in the {@code api_keys} table: the SHA-256 of each secret, never the secret.
 * Thread-safe.
 */
public final class JdbiApiKeyRepository implements ApiKeyRepository {
  private static final String COLUMNS =
      "id, workspace_id, scope, name, secret_hash, created_at, revoked_at";
  private static final String INSERT =
      """
      INSERT INTO api_keys (id, workspace_id, scope, name, secret_hash, created_at, revoked_at)
      VALUES (:id, :workspace, :scope, :name, :secretHash, :createdAt, :revokedAt)
      ON CONFLICT DO NOTHING
      """;
  // a key id taken in another workspace is never overwritten: the update matches the workspace
  private static final String UPDATE =
      """
      UPDATE api_keys SET scope = :scope, name = :name, secret_hash = :secretHash,
        created_at = :createdAt, revoked_at = :revokedAt
      WHERE id = :id AND workspace_id = :workspace
      """;
  private static final String FIND = "SELECT " + COLUMNS + " FROM api_keys WHERE id = :id";
  private static final String LIST =
      "SELECT " + COLUMNS + " FROM api_keys WHERE workspace_id = :workspace";
  // the first revocation's time stays
  private static final String REVOKE =
      """
      UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :at)
      WHERE workspace_id = :workspace AND id = :id
      """;
  private static final RowMapper<ApiKey> KEY =
      (row, context) ->
          new ApiKey(
              row.getString("id"),
              row.getString("workspace_id"),
              Scope.valueOf(row.getString("scope").toUpperCase(Locale.ROOT)),
              row.getString("name"),
              row.getBytes("secret_hash"),
              instant(row, "created_at"),
              instant(row, "revoked_at"));

  private final JdbiTransactions transactions;

  /** API keys through these transactions. */
  public JdbiApiKeyRepository(JdbiTransactions transactions) {
    this.transactions = transactions;
  }

  /**
   * Stores a key, or replaces the workspace's key with its id.
   *
   * @throws IllegalStateException when another workspace has a key with this id
   */
  @Override
  public void save(ApiKey key) {
    transactions.transactionally(
        handle -> {
          for (String sql : List.of(INSERT, UPDATE)) {
            int stored =
                handle
                    .createUpdate(sql)
                    .bind("id", key.id())
                    .bind("workspace", key.workspace())
                    .bind("scope", key.scope().wireName())
                    .bind("name", key.name())
                    .bind("secretHash", key.secretHash())
                    .bind("createdAt", timestamp(key.createdAt()))
                    .bind("revokedAt", timestamp(key.revokedAt()))
                    .execute();
            if (stored == 1) {
              return null;
            }
          }
          throw new IllegalStateException("api key id taken by another workspace: " + key.id());
        });
  }

  @Override
  public Optional<ApiKey> findById(String keyId) {
    return transactions.withHandle(
        handle -> handle.createQuery(FIND).bind("id", keyId).map(KEY).findOne());
  }

  /** The workspace's keys, oldest first. */
  @Override
  public List<ApiKey> list(String workspace) {
    List<ApiKey> keys =
        transactions.withHandle(
            handle -> handle.createQuery(LIST).bind("workspace", workspace).map(KEY).list());
    // sorted here, not in SQL: ids then compare the same way on both databases
    return keys.stream()
        .sorted(java.util.Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
        .toList();
  }

  @Override
  public boolean revoke(String workspace, String keyId, Instant at) {
    return transactions.withHandle(
            handle ->
                handle
                    .createUpdate(REVOKE)
                    .bind("workspace", workspace)
                    .bind("id", keyId)
                    .bind("at", timestamp(at))
                    .execute())
        == 1;
  }
}
