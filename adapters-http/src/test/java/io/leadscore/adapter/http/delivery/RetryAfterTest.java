package io.leadscore.adapter.http.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

  @Test
  void seconds_and_http_dates_are_read_and_anything_else_is_absent() {
    assertThat(RetryAfter.parse("120", clock)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("Sun, 22 Nov 2026 10:05:00 GMT", clock))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(RetryAfter.parse("Sun, 22 Nov 2026 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse(null, clock)).isNull();
    assertThat(RetryAfter.parse("soon", clock)).isNull();
    assertThat(RetryAfter.parse("99999999999999999999999", clock)).isNull();
  }
}
