package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;
import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.DeliveryState;
import io.leadscore.application.port.out.DeliveryUpdate;
import io.leadscore.application.port.out.DueDelivery;
import io.leadscore.application.port.out.Notification;
import io.leadscore.application.port.out.WebhookDeliveries;
import io.leadscore.application.port.out.WebhookDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The webhook delivery outbox on {@code notifications} and {@code webhook_deliveries} (http-api.md,
 * "Outbound webhooks" and "Running past one machine").
 *
 * <p>Routing and claiming select with {@code FOR UPDATE SKIP LOCKED}: on PostgreSQL, nodes pass
 * over rows another node's transaction holds instead of waiting for it; H2 (one process) takes the
 * same row locks. A claim then, in the same short transaction, counts the attempt, names its owner
 * and moves {@code next_attempt_at} to the lease's end, so once committed no claimer sees the row
 * as due until the lease runs out. Recording an outcome names the owner and attempt number in its
 * {@code WHERE}, so a late outcome from a node whose lease ran out changes nothing. Thread-safe.
 */
public final class JdbiWebhookDeliveries implements WebhookDeliveries {
  private static final String UNROUTED =
      """
      SELECT id, workspace_id, type, COALESCE(contact_id, '') AS contact_id, occurred_at, payload,
        created_at
      FROM notifications
      WHERE routed_at IS NULL
      ORDER BY created_at, id
      LIMIT :max
      FOR UPDATE SKIP LOCKED
      """;
  private static final String INSERT =
      """
      INSERT INTO webhook_deliveries (workspace_id, notification_id, subscription_id, state,
        attempts, next_attempt_at, created_at)
      VALUES (:workspace, :notification, :subscription, 'pending', 0, :now, :now)
      ON CONFLICT DO NOTHING
      """;
  private static final String ROUTED = "UPDATE notifications SET routed_at = :now WHERE id = :id";
  private static final String DUE =
      """
      SELECT notification_id, subscription_id, attempts
      FROM webhook_deliveries
      WHERE state = 'pending' AND next_attempt_at <= :now
      ORDER BY next_attempt_at, notification_id, subscription_id
      LIMIT :max
      FOR UPDATE SKIP LOCKED
      """;
  private static final String LEASE =
      """
      UPDATE webhook_deliveries
      SET attempts = :attempt, lease_owner = :owner, next_attempt_at = :leaseEnd
      WHERE notification_id = :notification AND subscription_id = :subscription
      """;
  private static final String ATTEMPT =
      """
      SELECT n.id, n.workspace_id, n.type, n.occurred_at, n.payload, n.created_at,
        s.id AS subscription_id, s.url, s.secret
      FROM notifications n
      JOIN webhook_subscriptions s ON s.workspace_id = n.workspace_id AND s.id = :subscription
      WHERE n.id = :notification
      """;
  private static final String RECORD =
      """
      UPDATE webhook_deliveries
      SET state = :state, next_attempt_at = :next, lease_owner = NULL, last_status = :status,
        last_error = :error, delivered_at = :deliveredAt
      WHERE notification_id = :notification AND subscription_id = :subscription
        AND state = 'pending' AND attempts = :attempt AND lease_owner = :owner
      """;
  private static final String LIST =
      """
      SELECT d.notification_id, d.subscription_id, n.type, d.state, d.attempts, d.last_status,
        d.last_error, d.next_attempt_at, d.delivered_at, d.created_at
      FROM webhook_deliveries d
      JOIN notifications n ON n.id = d.notification_id
      WHERE d.workspace_id = :workspace AND d.subscription_id = :subscription %s
      ORDER BY d.created_at DESC, d.notification_id DESC
      LIMIT :limit
      """;
  private static final String ERASE_DELIVERIES =
      """
      DELETE FROM webhook_deliveries
      WHERE workspace_id = :workspace AND notification_id IN (
        SELECT id FROM notifications WHERE workspace_id = :workspace AND contact_id = :contact)
      """;
  private static final String ERASE_NOTIFICATIONS =
      "DELETE FROM notifications WHERE workspace_id = :workspace AND contact_id = :contact";

  private static final RowMapper<Notification> NOTIFICATION =
      (row, context) ->
          new Notification(
              row.getString("id"),
              row.getString("workspace_id"),
              row.getString("type"),
              row.getString("contact_id"),
              instant(row, "occurred_at"),
              row.getString("payload"),
              instant(row, "created_at"));

  private static final RowMapper<WebhookDelivery> DELIVERY =
      (row, context) ->
          new WebhookDelivery(
              row.getString("notification_id"),
              row.getString("subscription_id"),
              row.getString("type"),
              DeliveryState.ofWireName(row.getString("state")),
              row.getInt("attempts"),
              nullableInt(row, "last_status"),
              row.getString("last_error"),
              instant(row, "next_attempt_at"),
              instant(row, "delivered_at"),
              instant(row, "created_at"));

  private record Due(String notification, String subscription, int attempts) {}

  private final JdbiTransactions transactions;

  /** The outbox through these transactions. */
  public JdbiWebhookDeliveries(JdbiTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public List<Notification> unrouted(int max) {
    return transactions.withHandle(
        handle -> handle.createQuery(UNROUTED).bind("max", max).map(NOTIFICATION).list());
  }

  @Override
  public void fanOut(Notification notification, List<String> subscriptionIds, Instant now) {
    transactions.transactionally(
        handle -> {
          for (String subscription : subscriptionIds) {
            handle
                .createUpdate(INSERT)
                .bind("workspace", notification.workspace())
                .bind("notification", notification.id())
                .bind("subscription", subscription)
                .bind("now", timestamp(now))
                .execute();
          }
          return handle
              .createUpdate(ROUTED)
              .bind("id", notification.id())
              .bind("now", timestamp(now))
              .execute();
        });
  }

  @Override
  public List<DueDelivery> claim(String owner, Instant now, Duration lease, int max) {
    return transactions.transactionally(
        handle -> {
          List<Due> due =
              handle
                  .createQuery(DUE)
                  .bind("now", timestamp(now))
                  .bind("max", max)
                  .map(
                      (row, context) ->
                          new Due(
                              row.getString("notification_id"),
                              row.getString("subscription_id"),
                              row.getInt("attempts")))
                  .list();
          var claimed = new ArrayList<DueDelivery>(due.size());
          for (Due delivery : due) {
            claimed.add(lease(handle, delivery, owner, now.plus(lease)));
          }
          return claimed;
        });
  }

  private static DueDelivery lease(Handle handle, Due due, String owner, Instant leaseEnd) {
    int attempt = due.attempts() + 1;
    handle
        .createUpdate(LEASE)
        .bind("attempt", attempt)
        .bind("owner", owner)
        .bind("leaseEnd", timestamp(leaseEnd))
        .bind("notification", due.notification())
        .bind("subscription", due.subscription())
        .execute();
    return handle
        .createQuery(ATTEMPT)
        .bind("notification", due.notification())
        .bind("subscription", due.subscription())
        .map(
            (row, context) ->
                new DueDelivery(
                    row.getString("id"),
                    row.getString("subscription_id"),
                    row.getString("workspace_id"),
                    row.getString("type"),
                    instant(row, "occurred_at"),
                    row.getString("payload"),
                    instant(row, "created_at"),
                    row.getString("url"),
                    row.getString("secret"),
                    attempt))
        .one();
  }

  @Override
  public boolean record(DueDelivery attempt, String owner, DeliveryUpdate update) {
    return transactions.withHandle(
            handle ->
                handle
                    .createUpdate(RECORD)
                    .bind("state", update.state().wireName())
                    .bind("next", timestamp(update.nextAttemptAt()))
                    .bind("status", update.status())
                    .bind("error", update.error())
                    .bind("deliveredAt", timestamp(update.deliveredAt()))
                    .bind("notification", attempt.notificationId())
                    .bind("subscription", attempt.subscriptionId())
                    .bind("attempt", attempt.attempt())
                    .bind("owner", owner)
                    .execute())
        == 1;
  }

  @Override
  public List<WebhookDelivery> list(
      String workspace, String subscriptionId, DeliveryState state, int limit) {
    String sql = LIST.formatted(state == null ? "" : "AND d.state = :state");
    return transactions.withHandle(
        handle -> {
          var query =
              handle
                  .createQuery(sql)
                  .bind("workspace", workspace)
                  .bind("subscription", subscriptionId)
                  .bind("limit", limit);
          if (state != null) {
            query.bind("state", state.wireName());
          }
          return query.map(DELIVERY).list();
        });
  }

  @Override
  public int eraseContact(String workspace, String contactId) {
    return transactions.transactionally(
        handle -> {
          handle
              .createUpdate(ERASE_DELIVERIES)
              .bind("workspace", workspace)
              .bind("contact", contactId)
              .execute();
          return handle
              .createUpdate(ERASE_NOTIFICATIONS)
              .bind("workspace", workspace)
              .bind("contact", contactId)
              .execute();
        });
  }

  private static Integer nullableInt(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }
}
