package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScoreRefreshQueue} must do on one thread. (That a claim skips an entry whose
 * marking transaction is still open needs two connections: the database adapter tests it.)
 * Implementations give empty storage per test.
 */
public interface ScoreRefreshQueueContract {
  ScoreRefreshQueue queue();

  /** Transactions on the same storage as {@link #queue()}. */
  Transactions transactions();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  default void claim_returns_marked_contacts_oldest_first_and_removes_them() {
    var queue = queue();
    transactions().run(() -> queue.mark("a", List.of("c2"), T0.plusSeconds(2)));
    transactions().run(() -> queue.mark("b", List.of("c1"), T0.plusSeconds(1)));
    transactions().run(() -> queue.mark("a", List.of("c3", "c4"), T0.plusSeconds(3)));

    List<ContactRef> first = transactions().inTransaction(() -> queue.claim(2));
    List<ContactRef> rest = transactions().inTransaction(() -> queue.claim(10));

    assertThat(first).containsExactly(new ContactRef("b", "c1"), new ContactRef("a", "c2"));
    assertThat(rest)
        .containsExactlyInAnyOrder(new ContactRef("a", "c3"), new ContactRef("a", "c4"));
    assertThat(queue.size()).isZero();
    assertThat(transactions().inTransaction(() -> queue.claim(10))).isEmpty();
  }

  @Test
  default void a_settled_claim_takes_only_marks_first_made_before_its_time() {
    var queue = queue();
    transactions().run(() -> queue.mark("a", List.of("old"), T0));
    transactions().run(() -> queue.mark("a", List.of("new"), T0.plusSeconds(5)));
    // marked again later: the mark keeps its first time, so it stays settled
    transactions().run(() -> queue.mark("a", List.of("old"), T0.plusSeconds(6)));

    assertThat(transactions().inTransaction(() -> queue.claim(10, T0.plusSeconds(1))))
        .containsExactly(new ContactRef("a", "old"));
    assertThat(transactions().inTransaction(() -> queue.claim(10, T0.plusSeconds(4)))).isEmpty();
    assertThat(transactions().inTransaction(() -> queue.claim(10, T0.plusSeconds(5))))
        .containsExactly(new ContactRef("a", "new"));
  }

  @Test
  default void marking_a_contact_twice_keeps_one_entry() {
    var queue = queue();
    transactions().run(() -> queue.mark("a", List.of("c1", "c1"), T0));
    transactions().run(() -> queue.mark("a", List.of("c1"), T0.plusSeconds(1)));
    transactions().run(() -> queue.mark("b", List.of("c1"), T0));

    assertThat(queue.size()).isEqualTo(2);
    assertThat(transactions().inTransaction(() -> queue.claim(10)))
        .containsExactlyInAnyOrder(new ContactRef("a", "c1"), new ContactRef("b", "c1"));
  }

  @Test
  default void a_contact_marked_again_keeps_its_place_in_the_queue() {
    var queue = queue();
    transactions().run(() -> queue.mark("a", List.of("early"), T0));
    transactions().run(() -> queue.mark("a", List.of("middle"), T0.plusSeconds(1)));
    transactions().run(() -> queue.mark("a", List.of("early"), T0.plusSeconds(2)));

    assertThat(transactions().inTransaction(() -> queue.claim(1)))
        .containsExactly(new ContactRef("a", "early"));
  }

  @Test
  default void entries_claimed_by_a_transaction_that_rolls_back_stay_queued() {
    var queue = queue();
    transactions().run(() -> queue.mark("a", List.of("c1", "c2"), T0));

    assertThatThrownBy(
            () ->
                transactions()
                    .run(
                        () -> {
                          assertThat(queue.claim(10)).hasSize(2);
                          throw new IllegalStateException("refresh failed");
                        }))
        .hasMessage("refresh failed");

    assertThat(queue.size()).isEqualTo(2);
  }

  @Test
  default void marks_made_by_a_transaction_that_rolls_back_are_gone() {
    var queue = queue();

    assertThatThrownBy(
            () ->
                transactions()
                    .run(
                        () -> {
                          queue.mark("a", List.of("c1"), T0);
                          throw new IllegalStateException("ingest failed");
                        }))
        .hasMessage("ingest failed");

    assertThat(queue.size()).isZero();
  }

  @Test
  default void marking_no_contacts_and_claiming_nothing_are_harmless() {
    var queue = queue();
    transactions().run(() -> queue.mark("a", List.of(), T0));

    assertThat(transactions().inTransaction(() -> queue.claim(0))).isEmpty();
    assertThat(queue.size()).isZero();
  }
}
