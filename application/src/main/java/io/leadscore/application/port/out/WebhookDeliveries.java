package io.leadscore.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The webhook delivery outbox: one row per (notification, subscription), pending until a receiver
 * accepts it or it fails for good (http-api.md, "Outbound webhooks" and "Running past one
 * machine").
 *
 * <p>Notifications are routed once: {@link #unrouted} reads (and, in the caller's transaction,
 * locks, skipping rows other nodes hold) notifications not yet routed; {@link #fanOut} writes their
 * deliveries and marks them routed. Deliveries are sent under a lease: {@link #claim} takes due
 * ones and pushes their next attempt to the lease's end, so no other node takes them while the
 * attempt runs, and a node that dies mid-attempt only delays them; {@link #record} saves the
 * outcome only while the claimer still holds that attempt.
 */
public interface WebhookDeliveries {
  /**
   * Up to {@code max} notifications not yet routed, oldest first. Call in a transaction that also
   * routes them: they stay locked against other nodes until it ends.
   */
  List<Notification> unrouted(int max);

  /**
   * Creates a pending delivery, due at {@code now}, of the notification to each subscription, and
   * marks the notification routed (also with no subscription at all).
   */
  void fanOut(Notification notification, List<String> subscriptionIds, Instant now);

  /**
   * Claims up to {@code max} pending deliveries due at {@code now} (earliest due first) for one
   * attempt each: counts the attempt and makes each due again only at {@code now + lease}. Claims
   * commit on their own (call outside any transaction), so the attempt is visible before it starts.
   */
  List<DueDelivery> claim(String owner, Instant now, Duration lease, int max);

  /**
   * Records an attempt's outcome; false (and nothing changed) when the attempt is no longer the
   * delivery's latest or {@code owner} no longer holds it (its lease ran out and it was claimed
   * again), or the delivery is gone.
   */
  boolean record(DueDelivery attempt, String owner, DeliveryUpdate update);

  /**
   * A subscription's deliveries, newest first.
   *
   * @param state only deliveries in this state, or null for all
   */
  List<WebhookDelivery> list(
      String workspace, String subscriptionId, DeliveryState state, int limit);

  /**
   * Deletes every notification about the contact and every delivery of them (the right to be
   * forgotten: they carry its id); returns how many notifications went.
   */
  int eraseContact(String workspace, String contactId);
}
