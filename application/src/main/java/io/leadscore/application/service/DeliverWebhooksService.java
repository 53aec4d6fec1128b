package io.leadscore.application.service;

import io.leadscore.application.port.in.DeliverWebhooksUseCase;
import io.leadscore.application.port.out.DeliveryBackoff;
import io.leadscore.application.port.out.DeliveryUpdate;
import io.leadscore.application.port.out.DueDelivery;
import io.leadscore.application.port.out.Notification;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.WebhookDeliveries;
import io.leadscore.application.port.out.WebhookRepository;
import io.leadscore.application.port.out.WebhookSender;
import io.leadscore.application.port.out.WebhookSender.Outcome;
import io.leadscore.application.port.out.WebhookSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Delivers webhooks (see {@link DeliverWebhooksUseCase}): routing, claiming, sending, recording.
 *
 * <p>Routing sends a notification to the subscriptions that existed when it was written (created no
 * later than it), so a new subscription does not receive old news. Claims are taken {@value
 * #CLAIM_BATCH} at a time (a sending thread holds only the delivery it is sending, so one that
 * stalls delays nothing else; the node runs several sending threads) under a {@link #LEASE}, far
 * longer than a send may take (the sender's timeouts bound it), so a lease runs out only when its
 * node died. A failed attempt is retried after {@code max(backoff, Retry-After)}, but never later
 * than the deadline (24 hours after the notification), so one last attempt is made then; an attempt
 * failing at or after the deadline marks the delivery failed. Stateless apart from its ports;
 * thread-safe.
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {
  /** How long deliveries are retried, counted from their notification. */
  public static final Duration RETRY_FOR = Duration.ofHours(24);

  /** How long a claimed delivery is held by its node before another may attempt it. */
  public static final Duration LEASE = Duration.ofMinutes(5);

  static final int CLAIM_BATCH = 1;
  static final int ROUTE_BATCH = 500;

  private final Transactions transactions;
  private final WebhookRepository webhooks;
  private final WebhookDeliveries deliveries;
  private final WebhookSender sender;
  private final DeliveryBackoff backoff;
  private final Clock clock;
  private final String node;

  /**
   * @param node names this process in leases (unique per running node)
   */
  public DeliverWebhooksService(
      Transactions transactions,
      WebhookRepository webhooks,
      WebhookDeliveries deliveries,
      WebhookSender sender,
      DeliveryBackoff backoff,
      Clock clock,
      String node) {
    this.transactions = transactions;
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.sender = sender;
    this.backoff = backoff;
    this.clock = clock;
    this.node = node;
  }

  @Override
  public int deliverDue(int max) {
    while (routeBatch() == ROUTE_BATCH) {
      // a full batch: there may be more
    }
    int attempts = 0;
    while (attempts < max) {
      int batch = Math.min(CLAIM_BATCH, max - attempts);
      List<DueDelivery> claimed = deliveries.claim(node, clock.instant(), LEASE, batch);
      if (claimed.isEmpty()) {
        break;
      }
      for (DueDelivery delivery : claimed) {
        attempt(delivery);
        attempts++;
      }
    }
    return attempts;
  }

  /** Routes one batch of notifications in one transaction; returns how many. */
  private int routeBatch() {
    return transactions.inTransaction(
        () -> {
          List<Notification> batch = deliveries.unrouted(ROUTE_BATCH);
          Instant now = clock.instant();
          for (Notification notification : batch) {
            List<String> subscriptions =
                webhooks.subscribers(notification.workspace(), notification.type()).stream()
                    .filter(sub -> !sub.createdAt().isAfter(notification.createdAt()))
                    .map(WebhookSubscription::id)
                    .toList();
            deliveries.fanOut(notification, subscriptions, now);
          }
          return batch.size();
        });
  }

  private void attempt(DueDelivery delivery) {
    Outcome outcome = sender.send(delivery);
    Instant now = clock.instant();
    DeliveryUpdate update =
        switch (outcome) {
          case Outcome.Delivered(int status) -> DeliveryUpdate.delivered(status, now);
          case Outcome.Failed(Integer status, String error, Duration retryAfter) ->
              afterFailure(delivery, status, error, retryAfter, now);
        };
    // false: the lease ran out and another attempt owns the delivery now; its outcome counts
    deliveries.record(delivery, node, update);
  }

  private DeliveryUpdate afterFailure(
      DueDelivery delivery, Integer status, String error, Duration retryAfter, Instant now) {
    Instant deadline = delivery.notifiedAt().plus(RETRY_FOR);
    if (!now.isBefore(deadline)) {
      return DeliveryUpdate.failed(status, error);
    }
    Duration delay = backoff.delayAfter(delivery.attempt());
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter;
    }
    Instant next = now.plus(delay);
    return DeliveryUpdate.retryAt(status, error, next.isAfter(deadline) ? deadline : next);
  }
}
