package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification's delivery to one subscription, as the API lists it (failed ones included, so a
 * receiver's owner sees what did not arrive and why).
 *
 * @param attempts attempts started so far
 * @param lastStatus the HTTP status of the last attempt, or null (none yet, or no answer)
 * @param lastError why the last attempt failed, or null
 * @param nextAttemptAt when the next attempt is due (while one is in flight: when its lease ends);
 *     null once delivered or failed
 * @param deliveredAt when a receiver accepted it, or null
 * @param createdAt when the notification was routed to the subscription
 */
public record WebhookDelivery(
    String notificationId,
    String subscriptionId,
    String type,
    DeliveryState state,
    int attempts,
    Integer lastStatus,
    String lastError,
    Instant nextAttemptAt,
    Instant deliveredAt,
    Instant createdAt) {
  public WebhookDelivery {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
