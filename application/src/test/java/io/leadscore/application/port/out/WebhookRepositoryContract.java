package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookRepository} must do. Implementations give empty storage per test. */
public interface WebhookRepositoryContract {
  WebhookRepository webhooks();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  static WebhookSubscription aSubscription(
      String id, String workspace, Instant createdAt, String... types) {
    return new WebhookSubscription(
        id,
        workspace,
        "https://hooks.example.com/" + id + "?q=1",
        List.of(types),
        "CRM for " + id,
        "whsec_" + id + "-secret",
        createdAt);
  }

  @Test
  default void a_saved_subscription_is_found_with_its_secret_in_its_workspace_only() {
    var hook = aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED);
    var bare =
        new WebhookSubscription(
            "wh_2", "a", "http://x.test/", List.of("topic.interested"), null, "whsec_2", T0);

    webhooks().save(hook);
    webhooks().save(bare);

    assertThat(webhooks().find("a", "wh_1")).contains(hook);
    assertThat(webhooks().find("a", "wh_1").orElseThrow().secret()).isEqualTo("whsec_wh_1-secret");
    assertThat(webhooks().find("a", "wh_2")).contains(bare);
    assertThat(webhooks().find("b", "wh_1")).isEmpty();
    assertThat(webhooks().find("a", "wh_3")).isEmpty();
  }

  @Test
  default void a_workspace_lists_its_own_subscriptions_oldest_first() {
    webhooks().save(aSubscription("wh_b", "a", T0.plusSeconds(2), Notification.TIER_CHANGED));
    webhooks().save(aSubscription("wh_a", "a", T0.plusSeconds(1), Notification.TIER_CHANGED));
    webhooks().save(aSubscription("wh_c", "b", T0, Notification.TIER_CHANGED));

    assertThat(webhooks().list("a"))
        .extracting(WebhookSubscription::id)
        .containsExactly("wh_a", "wh_b");
    assertThat(webhooks().list("b")).extracting(WebhookSubscription::id).containsExactly("wh_c");
    assertThat(webhooks().list("c")).isEmpty();
  }

  @Test
  default void subscribers_are_the_workspace_s_subscriptions_to_that_type() {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));
    webhooks()
        .save(
            aSubscription(
                "wh_2", "a", T0.plusSeconds(1), Notification.TYPES.toArray(String[]::new)));
    webhooks().save(aSubscription("wh_3", "a", T0.plusSeconds(2), Notification.TOPIC_INTERESTED));
    webhooks().save(aSubscription("wh_4", "b", T0, Notification.TIER_CHANGED));

    assertThat(webhooks().subscribers("a", Notification.TIER_CHANGED))
        .extracting(WebhookSubscription::id)
        .containsExactly("wh_1", "wh_2");
    assertThat(webhooks().subscribers("a", Notification.TOPIC_INTERESTED))
        .extracting(WebhookSubscription::id)
        .containsExactly("wh_2", "wh_3");
    assertThat(webhooks().subscribers("c", Notification.TIER_CHANGED)).isEmpty();
  }

  @Test
  default void delete_removes_a_subscription_of_the_workspace_only() {
    webhooks().save(aSubscription("wh_1", "a", T0, Notification.TIER_CHANGED));

    assertThat(webhooks().delete("b", "wh_1")).isFalse();
    assertThat(webhooks().find("a", "wh_1")).isPresent();
    assertThat(webhooks().delete("a", "wh_1")).isTrue();
    assertThat(webhooks().find("a", "wh_1")).isEmpty();
    assertThat(webhooks().delete("a", "wh_1")).isFalse();
  }
}
