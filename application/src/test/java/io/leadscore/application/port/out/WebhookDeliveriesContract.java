package io.leadscore.application.port.out;

import static io.leadscore.application.port.out.WebhookRepositoryContract.aSubscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookDeliveries} must do, with the {@link Notifier} and {@link
 * WebhookRepository} on the same storage. Implementations give empty storage per test.
 */
public interface WebhookDeliveriesContract {
  Transactions transactions();

  Notifier notifier();

  WebhookRepository webhooks();

  WebhookDeliveries deliveries();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  Duration LEASE = Duration.ofMinutes(5);

  private Notification notifyTier(String workspace, String contact, Instant at) {
    transactions()
        .run(
            () ->
                notifier()
                    .tierChanged(new TierChange(workspace, "b2b", contact, "warm", "hot", 75, at)));
    return transactions().inTransaction(() -> deliveries().unrouted(1000)).stream()
        .filter(n -> n.contactId().equals(contact) && n.occurredAt().equals(at))
        .findFirst()
        .orElseThrow();
  }

  /** A tier-change notification routed to the subscriptions, at {@code at}. */
  private Notification routed(String workspace, String contact, Instant at, String... subs) {
    Notification notification = notifyTier(workspace, contact, at);
    transactions().run(() -> deliveries().fanOut(notification, List.of(subs), at));
    return notification;
  }

  @Test
  default void notifications_wait_unrouted_oldest_first_with_their_data() {
    transactions()
        .run(
            () -> {
              notifier().tierChanged(new TierChange("a", "b2b", "c1", null, "hot", 88.5, T0));
              notifier()
                  .topicInterested(
                      new TopicInterest("a", "b2b", "c2", "pricing", 3, T0.plusSeconds(1)));
            });

    List<Notification> unrouted = transactions().inTransaction(() -> deliveries().unrouted(10));

    assertThat(unrouted)
        .extracting(Notification::type, Notification::workspace, Notification::contactId)
        .containsExactlyInAnyOrder(
            tuple(Notification.TIER_CHANGED, "a", "c1"),
            tuple(Notification.TOPIC_INTERESTED, "a", "c2"));
    Notification tier =
        unrouted.stream().filter(n -> n.contactId().equals("c1")).findFirst().orElseThrow();
    assertThat(tier.occurredAt()).isEqualTo(T0);
    assertThat(tier.data())
        .startsWith("{")
        .contains("\"contactId\":\"c1\"", "\"to\":\"hot\"", "\"model\":\"b2b\"", "88.5");
    Notification topic =
        unrouted.stream().filter(n -> n.contactId().equals("c2")).findFirst().orElseThrow();
    assertThat(topic.data()).contains("\"topic\":\"pricing\"", "\"items\":3");
    assertThat(unrouted.get(0).id()).isNotEqualTo(unrouted.get(1).id());
  }

  @Test
  default void a_fanned_out_notification_has_one_pending_delivery_per_subscription_due_at_once() {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));
    webhooks().save(aSubscription("wh_2", "a", T0, Notification.TIER_CHANGED));
    Notification notification = notifyTier("a", "c1", T0);
    Notification unheard = notifyTier("a", "c2", T0.plusSeconds(1));

    transactions().run(() -> deliveries().fanOut(notification, List.of("wh_1", "wh_2"), T0));
    transactions().run(() -> deliveries().fanOut(unheard, List.of(), T0));

    assertThat(transactions().inTransaction(() -> deliveries().unrouted(10))).isEmpty();
    for (String sub : List.of("wh_1", "wh_2")) {
      assertThat(deliveries().list("a", sub, null, 10))
          .containsExactly(
              new WebhookDelivery(
                  notification.id(),
                  sub,
                  Notification.TIER_CHANGED,
                  DeliveryState.PENDING,
                  0,
                  null,
                  null,
                  T0,
                  null,
                  T0));
    }
  }

  @Test
  default void a_claim_takes_due_deliveries_earliest_first_and_holds_them_for_the_lease() {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));
    Notification later = routed("a", "c2", T0.plusSeconds(2), "wh_1");
    Notification first = routed("a", "c1", T0.plusSeconds(1), "wh_1");

    List<DueDelivery> claimed = deliveries().claim("node-1", T0.plusSeconds(5), LEASE, 10);

    assertThat(claimed)
        .extracting(DueDelivery::notificationId)
        .containsExactly(first.id(), later.id());
    DueDelivery due = claimed.get(0);
    assertThat(due)
        .isEqualTo(
            new DueDelivery(
                first.id(),
                "wh_1",
                "a",
                Notification.TIER_CHANGED,
                first.occurredAt(),
                first.data(),
                first.createdAt(),
                "https://hooks.example.com/wh_1?q=1",
                "whsec_wh_1-secret",
                1));
    assertThat(deliveries().claim("node-2", T0.plusSeconds(6), LEASE, 10)).isEmpty();
    assertThat(deliveries().list("a", "wh_1", DeliveryState.PENDING, 10))
        .allSatisfy(
            delivery -> {
              assertThat(delivery.attempts()).isEqualTo(1);
              assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(5).plus(LEASE));
            });

    // the node died mid-attempt: after the lease, another node attempts the same notification
    List<DueDelivery> again =
        deliveries().claim("node-2", T0.plusSeconds(5).plus(LEASE), LEASE, 10);
    assertThat(again)
        .extracting(DueDelivery::notificationId, DueDelivery::attempt)
        .containsExactlyInAnyOrder(tuple(first.id(), 2), tuple(later.id(), 2));
    assertThat(deliveries().record(due, "node-1", DeliveryUpdate.delivered(200, T0))).isFalse();
  }

  @Test
  default void a_recorded_retry_is_due_again_at_its_time_and_keeps_its_error() {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));
    Notification notification = routed("a", "c1", T0, "wh_1");
    DueDelivery attempt = deliveries().claim("node-1", T0, LEASE, 10).get(0);

    assertThat(
            deliveries()
                .record(
                    attempt, "node-1", DeliveryUpdate.retryAt(500, "HTTP 500", T0.plusSeconds(30))))
        .isTrue();

    assertThat(deliveries().list("a", "wh_1", null, 10))
        .containsExactly(
            new WebhookDelivery(
                notification.id(),
                "wh_1",
                Notification.TIER_CHANGED,
                DeliveryState.PENDING,
                1,
                500,
                "HTTP 500",
                T0.plusSeconds(30),
                null,
                T0));
    assertThat(deliveries().claim("node-1", T0.plusSeconds(29), LEASE, 10)).isEmpty();
    assertThat(deliveries().claim("node-2", T0.plusSeconds(30), LEASE, 10))
        .extracting(DueDelivery::attempt)
        .containsExactly(2);
  }

  @Test
  default void delivered_and_failed_deliveries_are_final_and_listed_by_state() {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));
    Notification ok = routed("a", "c1", T0, "wh_1");
    Notification bad = routed("a", "c2", T0.plusSeconds(1), "wh_1");
    List<DueDelivery> attempts = deliveries().claim("node-1", T0.plusSeconds(2), LEASE, 10);
    DueDelivery okAttempt =
        attempts.stream().filter(d -> d.notificationId().equals(ok.id())).findFirst().orElseThrow();
    DueDelivery badAttempt =
        attempts.stream()
            .filter(d -> d.notificationId().equals(bad.id()))
            .findFirst()
            .orElseThrow();

    assertThat(deliveries().record(okAttempt, "node-2", DeliveryUpdate.delivered(204, T0)))
        .isFalse();
    assertThat(
            deliveries()
                .record(okAttempt, "node-1", DeliveryUpdate.delivered(204, T0.plusSeconds(3))))
        .isTrue();
    assertThat(deliveries().record(badAttempt, "node-1", DeliveryUpdate.failed(null, "timed out")))
        .isTrue();
    assertThat(deliveries().record(okAttempt, "node-1", DeliveryUpdate.failed(500, "late")))
        .isFalse();

    assertThat(deliveries().claim("node-1", T0.plus(Duration.ofDays(2)), LEASE, 10)).isEmpty();
    assertThat(deliveries().list("a", "wh_1", DeliveryState.DELIVERED, 10))
        .containsExactly(
            new WebhookDelivery(
                ok.id(),
                "wh_1",
                Notification.TIER_CHANGED,
                DeliveryState.DELIVERED,
                1,
                204,
                null,
                null,
                T0.plusSeconds(3),
                T0));
    assertThat(deliveries().list("a", "wh_1", DeliveryState.FAILED, 10))
        .containsExactly(
            new WebhookDelivery(
                bad.id(),
                "wh_1",
                Notification.TIER_CHANGED,
                DeliveryState.FAILED,
                1,
                null,
                "timed out",
                null,
                null,
                T0.plusSeconds(1)));
    assertThat(deliveries().list("a", "wh_1", DeliveryState.PENDING, 10)).isEmpty();
  }

  @Test
  default void a_listing_is_one_workspace_s_subscription_newest_first_up_to_the_limit() {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));
    webhooks().save(aSubscription("wh_2", "a", T0, Notification.TIER_CHANGED));
    webhooks().save(aSubscription("wh_9", "b", T0, Notification.TIER_CHANGED));
    Notification n1 = routed("a", "c1", T0, "wh_1", "wh_2");
    Notification n2 = routed("a", "c2", T0.plusSeconds(1), "wh_1");
    Notification n3 = routed("a", "c3", T0.plusSeconds(2), "wh_1");
    routed("b", "c1", T0.plusSeconds(3), "wh_9");

    assertThat(deliveries().list("a", "wh_1", null, 2))
        .extracting(WebhookDelivery::notificationId)
        .containsExactly(n3.id(), n2.id());
    assertThat(deliveries().list("a", "wh_2", null, 10))
        .extracting(WebhookDelivery::notificationId)
        .containsExactly(n1.id());
    assertThat(deliveries().list("b", "wh_1", null, 10)).isEmpty();
    assertThat(deliveries().list("a", "wh_9", null, 10)).isEmpty();
  }

  @Test
  default void erasing_a_contact_drops_its_notifications_and_deliveries_only() {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));
    webhooks().save(aSubscription("wh_9", "b", T0, Notification.TIER_CHANGED));
    routed("a", "c1", T0, "wh_1");
    Notification kept = routed("a", "c2", T0.plusSeconds(1), "wh_1");
    Notification otherWorkspace = routed("b", "c1", T0.plusSeconds(2), "wh_9");
    notifyTier("a", "c1", T0.plusSeconds(3)); // not routed yet

    int erased = transactions().inTransaction(() -> deliveries().eraseContact("a", "c1"));

    assertThat(erased).isEqualTo(2);
    assertThat(deliveries().list("a", "wh_1", null, 10))
        .extracting(WebhookDelivery::notificationId)
        .containsExactly(kept.id());
    assertThat(deliveries().list("b", "wh_9", null, 10))
        .extracting(WebhookDelivery::notificationId)
        .containsExactly(otherWorkspace.id());
    assertThat(transactions().inTransaction(() -> deliveries().unrouted(10))).isEmpty();
    assertThat(deliveries().claim("node-1", T0.plusSeconds(10), LEASE, 10))
        .extracting(DueDelivery::notificationId)
        .containsExactlyInAnyOrder(kept.id(), otherWorkspace.id());
  }

  @Test
  default void deleting_a_subscription_deletes_its_deliveries() {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));
    webhooks().save(aSubscription("wh_2", "a", T0, Notification.TIER_CHANGED));
    routed("a", "c1", T0, "wh_1", "wh_2");

    assertThat(webhooks().delete("a", "wh_1")).isTrue();

    assertThat(deliveries().list("a", "wh_1", null, 10)).isEmpty();
    assertThat(deliveries().claim("node-1", T0, LEASE, 10))
        .extracting(DueDelivery::subscriptionId)
        .containsExactly("wh_2");
  }

  @Test
  default void concurrent_claimers_never_take_the_same_delivery() throws Exception {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));
    int count = 40;
    for (int i = 0; i < count; i++) {
      routed("a", "c" + i, T0.plusSeconds(i), "wh_1");
    }
    Instant now = T0.plusSeconds(count);
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      var start = new CountDownLatch(1);
      var claimers = new ArrayList<Future<?>>();
      for (int t = 0; t < 4; t++) {
        String node = "node-" + t;
        claimers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (List<DueDelivery> batch = deliveries().claim(node, now, LEASE, 3);
                      !batch.isEmpty();
                      batch = deliveries().claim(node, now, LEASE, 3)) {
                    batch.forEach(delivery -> claimed.add(delivery.notificationId()));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> claimer : claimers) {
        claimer.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(claimed).hasSize(count).doesNotHaveDuplicates();
  }
}
