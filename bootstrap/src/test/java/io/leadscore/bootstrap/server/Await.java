package io.leadscore.bootstrap.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling it (style.md: await a condition, never a fixed sleep). */
public final class Await {
  private Await() {}

  /** Polls {@code condition} every 50 ms until it holds; fails after {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** Polls {@code value} until {@code done} accepts it; returns that value. */
  public static <T> T value(
      String what, Duration timeout, Supplier<T> value, java.util.function.Predicate<T> done) {
    @SuppressWarnings("unchecked")
    T[] last = (T[]) new Object[1];
    try {
      until(
          what,
          timeout,
          () -> {
            last[0] = value.get();
            return done.test(last[0]);
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last seen: " + last[0], e);
    }
    return last[0];
  }

  /** Polls {@code condition} every 50 ms until it holds: true, or false when the time ran out. */
  public static boolean within(Duration timeout, BooleanSupplier condition) {
    try {
      until("a condition", timeout, condition);
      return true;
    } catch (AssertionError timedOut) {
      return false;
    }
  }
}
