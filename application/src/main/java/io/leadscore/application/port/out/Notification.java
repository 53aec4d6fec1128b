package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A notification in the outbox, as {@link WebhookDeliveries} reads it back to route it to
 * subscriptions.
 *
 * @param id unique; the {@code id} of every webhook delivery made of it, which receivers dedup by
 * @param type {@value #TIER_CHANGED} or {@value #TOPIC_INTERESTED}
 * @param contactId the contact it is about (erasing the contact deletes the notification)
 * @param occurredAt when the change happened (the score's computation time)
 * @param data the change as a JSON object, in text: the webhook body's {@code data}
 * @param createdAt when it was written; a delivery still failing 24 hours later gives up
 */
public record Notification(
    String id,
    String workspace,
    String type,
    String contactId,
    Instant occurredAt,
    String data,
    Instant createdAt) {
  /** A contact's tier under a model's live version changed ({@link TierChange}). */
  public static final String TIER_CHANGED = "score.tier_changed";

  /** A contact became interested in a topic ({@link TopicInterest}). */
  public static final String TOPIC_INTERESTED = "topic.interested";

  /** Every notification type, in the order the API lists them. */
  public static final List<String> TYPES = List.of(TIER_CHANGED, TOPIC_INTERESTED);

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
