package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Notifier} must do: a notification exists exactly when the transaction that made
 * it commits. Implementations give empty storage per test.
 */
public interface NotifierContract {
  Notifier notifier();

  /** Transactions on the same storage as {@link #notifier()}. */
  Transactions transactions();

  /** Every tier change recorded so far, oldest first. */
  List<TierChange> notified();

  /** Every topic interest recorded so far, oldest first. */
  List<TopicInterest> interests();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  default void a_committed_tier_change_is_recorded_with_every_field() {
    var first = new TierChange("a", "b2b", "c1", null, "warm", 42.5, T0);
    var second = new TierChange("a", "b2b", "c1", "warm", "hot", 88, T0.plusSeconds(1));

    transactions().run(() -> notifier().tierChanged(first));
    transactions().run(() -> notifier().tierChanged(second));

    assertThat(notified()).containsExactly(first, second);
  }

  @Test
  default void a_committed_topic_interest_is_recorded_with_every_field() {
    var interest = new TopicInterest("a", "b2b", "c1", "pricing", 3, T0);

    transactions().run(() -> notifier().topicInterested(interest));

    assertThat(interests()).containsExactly(interest);
    assertThat(notified()).isEmpty();
  }

  @Test
  default void a_tier_change_in_a_rolled_back_transaction_is_not_recorded() {
    assertThatThrownBy(
            () ->
                transactions()
                    .run(
                        () -> {
                          notifier()
                              .tierChanged(new TierChange("a", "b2b", "c1", null, "hot", 90, T0));
                          throw new IllegalStateException("score write failed");
                        }))
        .hasMessage("score write failed");

    assertThat(notified()).isEmpty();
  }
}
