package io.leadscore.adapter.http.delivery;

import io.github.resilience4j.core.IntervalFunction;
import io.leadscore.application.port.out.DeliveryBackoff;
import java.time.Duration;

/**
 * Webhook retry delays from resilience4j's exponential random backoff: the delay after attempt n is
 * {@code initial * multiplier^(n-1)}, capped at {@code max}, then spread by {@code ±randomization}
 * (jitter, so receivers that come back are not hit by every retry at once). This is how "retried
 * with exponential backoff and jitter for 24 hours" (http-api.md, "Outbound webhooks") is done:
 * resilience4j computes the schedule, the delivery rows keep it, so it survives restarts and is
 * shared by every node. Thread-safe.
 */
public final class Resilience4jBackoff implements DeliveryBackoff {
  private final IntervalFunction intervals;

  /** 30 s, doubling, ±50 %, at most one hour: about 16 attempts in 24 hours. */
  public Resilience4jBackoff() {
    this(Duration.ofSeconds(30), 2, 0.5, Duration.ofHours(1));
  }

  public Resilience4jBackoff(
      Duration initial, double multiplier, double randomization, Duration max) {
    this.intervals =
        IntervalFunction.ofExponentialRandomBackoff(initial, multiplier, randomization, max);
  }

  @Override
  public Duration delayAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt: must be at least 1, was " + attempt);
    }
    return Duration.ofMillis(intervals.apply(attempt));
  }
}
