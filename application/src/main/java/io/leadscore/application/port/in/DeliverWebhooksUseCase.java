package io.leadscore.application.port.in;

/**
 * Sends due webhook deliveries (http-api.md, "Outbound webhooks"; called by a scheduler on every
 * node, which "Running past one machine" makes safe): routes new notifications to the subscriptions
 * of their workspace and type, claims due deliveries under a lease, sends each once, and records
 * the outcome. A failed attempt is retried after the backoff (or the receiver's Retry-After, if
 * longer), until 24 hours after the notification was written; an attempt that fails after that
 * marks the delivery failed. Delivery is at least once: a node that dies between sending and
 * recording makes the delivery due again when its lease ends, with the same id.
 */
public interface DeliverWebhooksUseCase {
  /**
   * Makes at most {@code max} delivery attempts, of deliveries due now.
   *
   * @return the number of attempts made (0 when nothing was due)
   */
  int deliverDue(int max);
}
