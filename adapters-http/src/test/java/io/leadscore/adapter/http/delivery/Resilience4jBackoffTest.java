package io.leadscore.adapter.http.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class Resilience4jBackoffTest {
  @Test
  void delays_double_from_30_seconds_with_half_jitter_up_to_about_an_hour() {
    var backoff = new Resilience4jBackoff();
    for (int round = 0; round < 50; round++) {
      assertThat(backoff.delayAfter(1)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(45));
      assertThat(backoff.delayAfter(2)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(90));
      assertThat(backoff.delayAfter(5)).isBetween(Duration.ofSeconds(240), Duration.ofSeconds(720));
      assertThat(backoff.delayAfter(30)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(90));
    }
  }
}
