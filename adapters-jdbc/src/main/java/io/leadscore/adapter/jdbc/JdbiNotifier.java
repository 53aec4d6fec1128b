package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.TierChange;
import java.time.Clock;
import java.util.UUID;

/**
 * The notification outbox: a {@code score.tier_changed} row in {@code notifications}, written in
 * the caller's transaction so that it exists exactly when the score change committed (http-api.md,
 * "Outbound webhooks": at-least-once delivery through an outbox). The payload is the change as
 * JSON; each row gets a random UUID, the id receivers dedup by. Thread-safe.
 */
public final class JdbiNotifier implements Notifier {
  /** The notification type of a tier change, as webhooks name it. */
  static final String TIER_CHANGED = "score.tier_changed";

  private static final String INSERT =
      """
      INSERT INTO notifications (id, workspace_id, type, occurred_at, payload, created_at)
      VALUES (:id, :workspace, :type, :occurredAt, :payload, :createdAt)
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
    transactions.withHandle(
        handle ->
            handle
                .createUpdate(INSERT)
                .bind("id", UUID.randomUUID().toString())
                .bind("workspace", change.workspace())
                .bind("type", TIER_CHANGED)
                .bind("occurredAt", timestamp(change.at()))
                .bind("payload", JsonCodec.tierChange(change))
                .bind("createdAt", timestamp(clock.instant()))
                .execute());
  }
}
