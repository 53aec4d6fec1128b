package io.leadscore.adapter.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WriteSlotsTest {
  @Test
  void one_workspace_takes_no_more_than_its_share_and_leaves_the_rest_to_others() {
    var slots = new WriteSlots(4, 2);
    assertThat(slots.tryAcquire("a")).isTrue();
    assertThat(slots.tryAcquire("a")).isTrue();
    assertThat(slots.tryAcquire("a")).as("a's share is full").isFalse();
    assertThat(slots.tryAcquire("b")).isTrue();
    assertThat(slots.tryAcquire("b")).isTrue();
    assertThat(slots.tryAcquire("c")).as("all slots are taken").isFalse();
    slots.release("a");
    assertThat(slots.tryAcquire("c")).isTrue();
    assertThat(slots.used()).isEqualTo(4);
  }

  @Test
  void released_slots_are_taken_again_and_nothing_is_kept_for_idle_workspaces() {
    var slots = new WriteSlots(2, 1);
    assertThat(slots.tryAcquire("a")).isTrue();
    slots.release("a");
    assertThat(slots.used()).isZero();
    assertThat(slots.tryAcquire("a")).isTrue();
    assertThatThrownBy(() -> slots.release("b")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_share_above_the_total_is_refused() {
    assertThatThrownBy(() -> new WriteSlots(2, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
