package io.leadscore.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work as one database transaction: every store and repository call made by {@code work} on
 * this thread joins it, and all of it commits or none. Nested calls join the outer transaction.
 * When {@code work} throws, everything it wrote is rolled back and the exception propagates.
 */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  /** Runs work that returns nothing in one transaction. */
  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
