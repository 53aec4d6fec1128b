package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery claimed for one attempt: what {@link WebhookSender} needs to send it, and what
 * identifies the attempt when its outcome is recorded.
 *
 * @param notificationId the webhook body's {@code id}, the same on every attempt
 * @param data the notification's data as JSON object text
 * @param notifiedAt when the notification was written: retries end 24 hours later
 * @param secret the subscription's signing secret
 * @param attempt this attempt's number, from 1
 */
public record DueDelivery(
    String notificationId,
    String subscriptionId,
    String workspace,
    String type,
    Instant occurredAt,
    String data,
    Instant notifiedAt,
    String url,
    String secret,
    int attempt) {
  public DueDelivery {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(notifiedAt, "notifiedAt");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt: must be at least 1, was " + attempt);
    }
  }

  @Override
  public String toString() {
    return "DueDelivery[notification=%s, subscription=%s, url=%s, attempt=%d]"
        .formatted(notificationId, subscriptionId, url, attempt);
  }
}
