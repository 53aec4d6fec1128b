package io.leadscore.domain.engine;

import java.time.Duration;
import java.time.Instant;

/** Window arithmetic on instants without allocating: the engine's inner loop runs it per event. */
final class Instants {
  private Instants() {}

  /**
   * Whether {@code earlier} lies inside the half-open window {@code (at - width, at]}, given {@code
   * earlier <= at}.
   */
  static boolean inWindow(Instant earlier, Instant at, Duration width) {
    long seconds = at.getEpochSecond() - width.getSeconds();
    int nanos = at.getNano() - width.getNano();
    if (nanos < 0) {
      nanos += 1_000_000_000;
      seconds--;
    }
    return earlier.getEpochSecond() > seconds
        || (earlier.getEpochSecond() == seconds && earlier.getNano() > nanos);
  }

  /** Seconds part of {@code to - from} (floor), for {@code from <= to}. */
  static long secondsBetween(Instant from, Instant to) {
    long seconds = to.getEpochSecond() - from.getEpochSecond();
    return to.getNano() < from.getNano() ? seconds - 1 : seconds;
  }

  /** Nanosecond part of {@code to - from}, in [0, 1e9). */
  static int nanosBetween(Instant from, Instant to) {
    int nanos = to.getNano() - from.getNano();
    return nanos < 0 ? nanos + 1_000_000_000 : nanos;
  }
}
