package io.leadscore.application.service;

import static io.leadscore.application.service.Scenario.MODEL;
import static io.leadscore.application.service.Scenario.WS;
import static io.leadscore.application.service.Scenario.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.leadscore.application.port.in.CreateWebhookCommand;
import io.leadscore.application.port.in.CreatedWebhook;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.DeliveryState;
import io.leadscore.application.port.out.DueDelivery;
import io.leadscore.application.port.out.Notification;
import io.leadscore.application.port.out.WebhookDelivery;
import io.leadscore.application.port.out.WebhookSender.Outcome;
import io.leadscore.domain.reading.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook subscriptions and deliveries on the in-memory fakes, time moved by hand. */
class WebhooksTest {
  final Scenario scenario = new Scenario();

  CreatedWebhook subscribe(String workspace, String... types) {
    return scenario.app.webhooks.create(
        new CreateWebhookCommand(
            workspace, Map.of("url", "https://crm.example.com/hooks", "types", List.of(types))));
  }

  static Map<String, Object> pageView(String key, String email, String url) {
    var view = event(key, "page.viewed", "2026-11-01T00:00:00Z", Map.of("email", email));
    view.put("properties", Map.of("url", url));
    return view;
  }

  /** Ada requests a demo (hot: a tier change) and views two pricing pages (interested). */
  void adaTurnsHotAndInterested() {
    scenario.published(10);
    scenario.ingest(
        event("d1", "demo.requested", "2026-11-01T00:00:00Z", Map.of("email", "ada@example.com")),
        pageView("p1", "ada@example.com", "https://ex.com/pricing/a"),
        pageView("p2", "ada@example.com", "https://ex.com/pricing/b"));
    scenario.app.refreshAll();
  }

  WebhookDelivery only(CreatedWebhook hook) {
    return scenario.app.webhooks.deliveries(WS, hook.subscription().id(), null, 10).stream()
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one delivery");
            })
        .orElseThrow();
  }

  @Test
  void a_new_subscription_shows_its_secret_once_and_never_again() {
    CreatedWebhook created = subscribe(WS, Notification.TIER_CHANGED);
    scenario.clock.advance(Duration.ofSeconds(1)); // listed oldest first
    CreatedWebhook other = subscribe(WS, Notification.TOPIC_INTERESTED);

    assertThat(created.secret()).matches("whsec_[A-Za-z0-9_-]{43}").isNotEqualTo(other.secret());
    assertThat(created.toString()).doesNotContain(created.secret());
    assertThat(created.subscription().url()).isEqualTo("https://crm.example.com/hooks");
    assertThat(created.subscription().createdAt()).isEqualTo(Scenario.START);
    assertThat(scenario.app.webhooks.list(WS))
        .containsExactly(created.subscription(), other.subscription());
    assertThat(scenario.app.webhooks.get(WS, created.subscription().id()))
        .isEqualTo(created.subscription());
    assertThat(scenario.db.webhooks().find(WS, created.subscription().id()).orElseThrow().secret())
        .isEqualTo(created.secret());
  }

  @Test
  void an_invalid_subscription_reports_every_problem_with_its_path_and_stores_nothing() {
    var body = new LinkedHashMap<String, Object>();
    body.put("url", "ftp://crm.example.com/hooks");
    body.put("types", List.of("score.tier_changed", "score.changed", 3, "score.tier_changed"));
    body.put("description", 5);
    body.put("secret", "mine");

    assertThatThrownBy(() -> scenario.app.webhooks.create(new CreateWebhookCommand(WS, body)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactly(
                        "secret", "url", "types[1]", "types[2]", "types[3]", "description"));
    assertThatThrownBy(
            () ->
                scenario.app.webhooks.create(
                    new CreateWebhookCommand(WS, Map.of("types", List.of()))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem("url", "required"),
                        new Problem("types", "must name at least one of " + Notification.TYPES)));
    assertThatThrownBy(
            () ->
                scenario.app.webhooks.create(
                    new CreateWebhookCommand(
                        WS, Map.of("url", "/relative", "types", "score.tier_changed"))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path, Problem::message)
                    .containsExactly(
                        tuple("url", "must be an absolute http or https URL"),
                        tuple("types", "must be a list of notification types")));
    assertThatThrownBy(() -> scenario.app.webhooks.create(new CreateWebhookCommand(WS, List.of())))
        .isInstanceOf(InvalidInputException.class);
    assertThat(scenario.app.webhooks.list(WS)).isEmpty();
  }

  @Test
  void another_workspace_s_subscription_is_not_found_anywhere() {
    CreatedWebhook theirs = subscribe("globex", Notification.TIER_CHANGED);
    String id = theirs.subscription().id();

    assertThatThrownBy(() -> scenario.app.webhooks.get(WS, id))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> scenario.app.webhooks.delete(WS, id))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> scenario.app.webhooks.deliveries(WS, id, null, 10))
        .isInstanceOf(NotFoundException.class);
    assertThat(scenario.app.webhooks.list(WS)).isEmpty();
    assertThat(scenario.app.webhooks.list("globex")).hasSize(1);
    assertThatThrownBy(() -> scenario.app.webhooks.deliveries("globex", id, null, 0))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("limit"));
  }

  @Test
  void
      notifications_go_to_the_subscribers_of_their_type_in_their_workspace_when_they_were_written() {
    CreatedWebhook tiers = subscribe(WS, Notification.TIER_CHANGED);
    CreatedWebhook topics = subscribe(WS, Notification.TOPIC_INTERESTED);
    CreatedWebhook both = subscribe(WS, Notification.TIER_CHANGED, Notification.TOPIC_INTERESTED);
    subscribe("globex", Notification.TIER_CHANGED, Notification.TOPIC_INTERESTED);
    scenario.clock.advance(Duration.ofMinutes(1));

    adaTurnsHotAndInterested();
    scenario.clock.advance(Duration.ofMinutes(1));
    CreatedWebhook late = subscribe(WS, Notification.TIER_CHANGED);

    assertThat(scenario.db.topicInterests())
        .singleElement()
        .satisfies(
            interest -> {
              assertThat(interest.topic()).isEqualTo("pricing");
              assertThat(interest.items()).isEqualTo(2);
              assertThat(interest.model()).isEqualTo(MODEL);
            });
    assertThat(scenario.app.deliverAllDue()).isEqualTo(4);
    assertThat(scenario.sender.sent())
        .extracting(DueDelivery::subscriptionId, DueDelivery::type)
        .containsExactlyInAnyOrder(
            tuple(tiers.subscription().id(), Notification.TIER_CHANGED),
            tuple(both.subscription().id(), Notification.TIER_CHANGED),
            tuple(topics.subscription().id(), Notification.TOPIC_INTERESTED),
            tuple(both.subscription().id(), Notification.TOPIC_INTERESTED));
    assertThat(scenario.sender.sent())
        .allSatisfy(
            due -> {
              assertThat(due.workspace()).isEqualTo(WS);
              assertThat(due.attempt()).isEqualTo(1);
              assertThat(due.secret()).startsWith("whsec_");
            });
    assertThat(
            scenario.app.webhooks.deliveries(
                WS, both.subscription().id(), DeliveryState.DELIVERED, 10))
        .hasSize(2);
    assertThat(scenario.app.webhooks.deliveries(WS, late.subscription().id(), null, 10)).isEmpty();

    // more pricing pages: still interested, nothing new to tell
    scenario.ingest(pageView("p3", "ada@example.com", "https://ex.com/pricing/c"));
    scenario.app.refreshAll();
    assertThat(scenario.db.topicInterests()).hasSize(1);
    assertThat(scenario.app.deliverAllDue()).isZero();
  }

  @Test
  void a_failed_attempt_is_retried_after_the_backoff_and_delivered_with_the_same_id() {
    scenario.sender.answer(
        new Outcome.Failed(500, "HTTP 500", null), new Outcome.Failed(null, "timed out", null));
    CreatedWebhook hook = subscribe(WS, Notification.TIER_CHANGED);
    adaTurnsHotAndInterested();
    Instant written = scenario.clock.instant();

    assertThat(scenario.app.deliverAllDue()).isEqualTo(1);
    assertThat(only(hook))
        .satisfies(
            delivery -> {
              assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
              assertThat(delivery.lastStatus()).isEqualTo(500);
              assertThat(delivery.lastError()).isEqualTo("HTTP 500");
              assertThat(delivery.nextAttemptAt()).isEqualTo(written.plusSeconds(30));
            });
    scenario.clock.advance(Duration.ofSeconds(29));
    assertThat(scenario.app.deliverAllDue()).isZero();
    scenario.clock.advance(Duration.ofSeconds(1));
    assertThat(scenario.app.deliverAllDue()).isEqualTo(1);
    assertThat(only(hook).nextAttemptAt()).isEqualTo(written.plusSeconds(30 + 60));
    assertThat(only(hook).lastStatus()).isNull();
    scenario.clock.advance(Duration.ofSeconds(60));
    assertThat(scenario.app.deliverAllDue()).isEqualTo(1);

    WebhookDelivery delivered = only(hook);
    assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(delivered.attempts()).isEqualTo(3);
    assertThat(delivered.deliveredAt()).isEqualTo(written.plusSeconds(90));
    assertThat(scenario.sender.sent())
        .extracting(DueDelivery::notificationId, DueDelivery::attempt)
        .containsExactly(
            tuple(delivered.notificationId(), 1),
            tuple(delivered.notificationId(), 2),
            tuple(delivered.notificationId(), 3));
  }

  @Test
  void a_retry_after_longer_than_the_backoff_is_honoured() {
    scenario.sender.answer(new Outcome.Failed(429, "HTTP 429", Duration.ofMinutes(10)));
    CreatedWebhook hook = subscribe(WS, Notification.TIER_CHANGED);
    adaTurnsHotAndInterested();

    scenario.app.deliverAllDue();

    assertThat(only(hook).nextAttemptAt()).isEqualTo(scenario.clock.instant().plusSeconds(600));
  }

  @Test
  void a_delivery_still_failing_24_hours_after_its_notification_is_failed_and_listed() {
    for (int i = 0; i < 100; i++) {
      scenario.sender.answer(new Outcome.Failed(503, "HTTP 503", null));
    }
    CreatedWebhook hook = subscribe(WS, Notification.TIER_CHANGED);
    adaTurnsHotAndInterested();
    Instant written = scenario.clock.instant();

    int attempts = scenario.app.deliverAllDue();
    while (only(hook).state() == DeliveryState.PENDING) {
      scenario.clock.set(only(hook).nextAttemptAt());
      attempts += scenario.app.deliverAllDue();
    }

    assertThat(scenario.clock.instant()).isEqualTo(written.plus(Duration.ofHours(24)));
    // 30 s doubling to 1 h: 8 attempts reach 1 h of delay, then hourly until the deadline
    assertThat(attempts).isEqualTo(only(hook).attempts()).isBetween(25, 35);
    assertThat(
            scenario.app.webhooks.deliveries(
                WS, hook.subscription().id(), DeliveryState.FAILED, 10))
        .singleElement()
        .satisfies(
            failed -> {
              assertThat(failed.lastStatus()).isEqualTo(503);
              assertThat(failed.lastError()).isEqualTo("HTTP 503");
              assertThat(failed.nextAttemptAt()).isNull();
            });
    scenario.clock.advance(Duration.ofDays(3));
    assertThat(scenario.app.deliverAllDue()).isZero();
  }

  @Test
  void erasing_a_contact_drops_its_pending_deliveries_and_notifications() {
    scenario.sender.answer(new Outcome.Failed(500, "HTTP 500", null));
    CreatedWebhook hook = subscribe(WS, Notification.TIER_CHANGED, Notification.TOPIC_INTERESTED);
    adaTurnsHotAndInterested();
    scenario.ingest(
        event("d2", "demo.requested", "2026-11-01T00:00:00Z", Map.of("email", "bob@example.com")));
    scenario.app.refreshAll();
    String ada =
        scenario.app.findContact.find(WS, new ContactIdentity.ByEmail("ada@example.com")).id();
    scenario.app.deliverWebhooks.deliverDue(0); // routes, attempts nothing
    assertThat(scenario.app.webhooks.deliveries(WS, hook.subscription().id(), null, 10)).hasSize(3);

    scenario.app.eraseContact.erase(WS, ada);

    assertThat(scenario.db.outbox()).extracting(Notification::contactId).doesNotContain(ada);
    List<WebhookDelivery> left =
        scenario.app.webhooks.deliveries(WS, hook.subscription().id(), null, 10);
    assertThat(left).hasSize(1);
    assertThat(scenario.app.deliverAllDue()).isEqualTo(1);
    assertThat(scenario.sender.sent())
        .extracting(DueDelivery::notificationId)
        .containsOnly(left.get(0).notificationId());
  }

  @Test
  void
      a_delivery_held_by_another_node_waits_for_its_lease_and_a_deleted_subscription_gets_nothing() {
    CreatedWebhook kept = subscribe(WS, Notification.TIER_CHANGED);
    CreatedWebhook deleted = subscribe(WS, Notification.TIER_CHANGED);
    adaTurnsHotAndInterested();
    scenario.app.deliverWebhooks.deliverDue(0);
    scenario.app.webhooks.delete(WS, deleted.subscription().id());
    List<DueDelivery> held =
        scenario
            .db
            .deliveries()
            .claim("other-node", scenario.clock.instant(), DeliverWebhooksService.LEASE, 10);
    assertThat(held).hasSize(1);

    assertThat(scenario.app.deliverAllDue()).isZero();
    scenario.clock.advance(DeliverWebhooksService.LEASE);
    assertThat(scenario.app.deliverAllDue()).isEqualTo(1);

    assertThat(only(kept).state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(only(kept).attempts()).isEqualTo(2);
    assertThat(scenario.sender.sent())
        .extracting(DueDelivery::subscriptionId)
        .containsOnly(kept.subscription().id());
    assertThatThrownBy(() -> scenario.app.webhooks.get(WS, deleted.subscription().id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_workspace_holds_at_most_the_capped_number_of_subscriptions() {
    for (int i = 0; i < ManageWebhooksService.MAX_SUBSCRIPTIONS; i++) {
      subscribe(WS, "topic.interested");
    }
    assertThatThrownBy(() -> subscribe(WS, "topic.interested"))
        .isInstanceOf(io.leadscore.application.port.in.ConflictException.class)
        .hasMessageContaining(String.valueOf(ManageWebhooksService.MAX_SUBSCRIPTIONS));
    assertThat(scenario.app.webhooks.list(WS)).hasSize(ManageWebhooksService.MAX_SUBSCRIPTIONS);
    subscribe("other-workspace", "topic.interested");
  }

  @Test
  void urls_outside_the_egress_policy_are_refused_at_url_and_nothing_is_stored() {
    for (String url :
        List.of(
            "http://10.0.0.1/", "http://169.254.169.254/", "http://2130706433/", "gopher://x/")) {
      assertThatThrownBy(
              () ->
                  scenario.app.webhooks.create(
                      new CreateWebhookCommand(
                          WS, Map.of("url", url, "types", List.of("topic.interested")))))
          .as(url)
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("url"));
    }
    assertThat(scenario.app.webhooks.list(WS)).isEmpty();
  }
}
