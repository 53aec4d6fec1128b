package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.Notification;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.TierChange;
import io.leadscore.application.port.out.TopicInterest;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The notification outbox: a {@code score.tier_changed} or {@code topic.interested} row in {@code
 * notifications}, written in the caller's transaction so that it exists exactly when the score
 * change committed (http-api.md, "Outbound webhooks": at-least-once delivery through an outbox).
 * The payload is the change as JSON; each row gets a random UUID, the id receivers dedup by, and
 * names its contact. {@link JdbiWebhookDeliveries} routes and delivers the rows. Thread-safe.
 */
public final class JdbiNotifier implements Notifier {
  private static final String INSERT =
      """
      INSERT INTO notifications (id, workspace_id, type, contact_id, occurred_at, payload,
        created_at)
      VALUES (:id, :workspace, :type, :contact, :occurredAt, :payload, :createdAt)
      """;

  private final JdbiTransactions transactions;
  private final Clock clock;

  /** An outbox through these transactions, stamping rows with the clock's time. */
  public JdbiNotifier(JdbiTransactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void tierChanged(TierChange change) {
    insert(
        Notification.TIER_CHANGED,
        change.workspace(),
        change.contactId(),
        change.at(),
        JsonCodec.tierChange(change));
  }

  @Override
  public void topicInterested(TopicInterest change) {
    insert(
        Notification.TOPIC_INTERESTED,
        change.workspace(),
        change.contactId(),
        change.at(),
        JsonCodec.topicInterest(change));
  }

  private void insert(
      String type, String workspace, String contactId, Instant occurredAt, String payload) {
    transactions.withHandle(
        handle ->
            handle
                .createUpdate(INSERT)
                .bind("id", UUID.randomUUID().toString())
                .bind("workspace", workspace)
                .bind("type", type)
                .bind("contact", contactId)
                .bind("occurredAt", timestamp(occurredAt))
                .bind("payload", payload)
                .bind("createdAt", timestamp(clock.instant()))
                .execute());
  }
}
