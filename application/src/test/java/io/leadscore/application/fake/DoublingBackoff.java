package io.leadscore.application.fake;

import io.leadscore.application.port.out.DeliveryBackoff;
import java.time.Duration;

/**
 * A {@link DeliveryBackoff} without jitter for tests: {@code initial}, then doubling, at most
 * {@code max}. Thread-safe.
 */
public record DoublingBackoff(Duration initial, Duration max) implements DeliveryBackoff {
  /** 30 seconds, doubling, at most one hour: production's schedule without its jitter. */
  public static DoublingBackoff standard() {
    return new DoublingBackoff(Duration.ofSeconds(30), Duration.ofHours(1));
  }

  @Override
  public Duration delayAfter(int attempt) {
    Duration delay = initial;
    for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
