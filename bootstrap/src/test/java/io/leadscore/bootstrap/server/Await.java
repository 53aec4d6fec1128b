package io.leadscore.bootstrap.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition instead of sleeping (style.md, "Tests"): polls every 50 ms up to a
 * deadline. The deadline bounds a test that would otherwise hang; it is not a timing assertion.
 */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(50);

  private Await() {}

  /** Waits until {@code condition} holds; false when {@code patience} ran out first. */
  public static boolean until(Duration patience, BooleanSupplier condition) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(POLL.toNanos());
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted while waiting");
      }
    }
    return true;
  }

  /** Waits until {@code condition} holds, or fails saying what did not happen. */
  public static void require(Duration patience, String what, BooleanSupplier condition) {
    if (!until(patience, condition)) {
      throw new AssertionError("not within " + patience + ": " + what);
    }
  }
}
