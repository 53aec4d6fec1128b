package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ring of recent instants behind count windows and per-window limits. */
class RecentTimesTest {

  @Test
  void keeps_the_last_capacity_instants_and_knows_the_oldest_of_them() {
    for (int capacity : new int[] {1, 3, 8, 9, 20, 100}) {
      var recent = new RecentTimes(capacity);
      for (int i = 0; i < 250; i++) {
        recent.add(T0.plusSeconds(i));
        assertThat(recent.full()).isEqualTo(i + 1 >= capacity);
        int oldest = Math.max(0, i + 1 - capacity);
        assertThat(recent.oldest())
            .as("capacity %d after %d", capacity, i)
            .isEqualTo(T0.plusSeconds(oldest));
      }
    }
  }

  @Test
  void a_huge_capacity_allocates_only_what_is_added() {
    var recent = new RecentTimes(Integer.MAX_VALUE);
    for (int i = 0; i < 1000; i++) {
      recent.add(T0.plusSeconds(i));
    }
    assertThat(recent.full()).isFalse();
    assertThat(recent.oldest()).isEqualTo(T0);
  }
}
