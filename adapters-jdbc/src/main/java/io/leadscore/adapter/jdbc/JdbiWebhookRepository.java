package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;
import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.WebhookRepository;
import io.leadscore.application.port.out.WebhookSubscription;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Webhook subscriptions in {@code webhook_subscriptions}, their types a JSON array. Deleting one
 * deletes its rows in {@code webhook_deliveries} in the same transaction. Thread-safe.
 */
public final class JdbiWebhookRepository implements WebhookRepository {
  private static final String COLUMNS =
      "workspace_id, id, url, types, description, secret, created_at";
  private static final String INSERT =
      """
      INSERT INTO webhook_subscriptions (workspace_id, id, url, types, description, secret,
        created_at)
      VALUES (:workspace, :id, :url, :types, :description, :secret, :createdAt)
      """;
  private static final String FIND =
      "SELECT "
          + COLUMNS
          + " FROM webhook_subscriptions WHERE workspace_id = :workspace AND id = :id";
  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM webhook_subscriptions WHERE workspace_id = :workspace ORDER BY created_at, id";
  private static final String DELETE_DELIVERIES =
      """
      DELETE FROM webhook_deliveries
      WHERE workspace_id = :workspace AND subscription_id = :id
      """;
  private static final String DELETE =
      "DELETE FROM webhook_subscriptions WHERE workspace_id = :workspace AND id = :id";

  private static final RowMapper<WebhookSubscription> SUBSCRIPTION =
      (row, context) ->
          new WebhookSubscription(
              row.getString("id"),
              row.getString("workspace_id"),
              row.getString("url"),
              JsonCodec.strings(row.getString("types")),
              row.getString("description"),
              row.getString("secret"),
              instant(row, "created_at"));

  private final JdbiTransactions transactions;

  /** Subscriptions through these transactions. */
  public JdbiWebhookRepository(JdbiTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void save(WebhookSubscription subscription) {
    transactions.withHandle(
        handle ->
            handle
                .createUpdate(INSERT)
                .bind("workspace", subscription.workspace())
                .bind("id", subscription.id())
                .bind("url", subscription.url())
                .bind("types", JsonCodec.strings(subscription.types()))
                .bind("description", subscription.description())
                .bind("secret", subscription.secret())
                .bind("createdAt", timestamp(subscription.createdAt()))
                .execute());
  }

  @Override
  public Optional<WebhookSubscription> find(String workspace, String id) {
    return transactions.withHandle(
        handle ->
            handle
                .createQuery(FIND)
                .bind("workspace", workspace)
                .bind("id", id)
                .map(SUBSCRIPTION)
                .findOne());
  }

  @Override
  public List<WebhookSubscription> list(String workspace) {
    return transactions.withHandle(
        handle -> handle.createQuery(LIST).bind("workspace", workspace).map(SUBSCRIPTION).list());
  }

  @Override
  public boolean delete(String workspace, String id) {
    return transactions.transactionally(
        handle -> {
          handle
              .createUpdate(DELETE_DELIVERIES)
              .bind("workspace", workspace)
              .bind("id", id)
              .execute();
          return handle.createUpdate(DELETE).bind("workspace", workspace).bind("id", id).execute()
              == 1;
        });
  }

  /** {@inheritDoc} A workspace has few subscriptions: they are read whole and filtered here. */
  @Override
  public List<WebhookSubscription> subscribers(String workspace, String type) {
    return list(workspace).stream().filter(subscription -> subscription.wants(type)).toList();
  }
}
