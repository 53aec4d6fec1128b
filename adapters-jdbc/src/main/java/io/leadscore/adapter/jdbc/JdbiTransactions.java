package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.Transactions;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Database transactions for the use cases, and the one way every store and repository here gets a
 * connection: the handle of the transaction open on the calling thread, or else a short one of its
 * own.
 *
 * <p>{@link #inTransaction} binds one JDBI {@link Handle} to the thread until {@code work} returns;
 * the stores called by {@code work} on that thread use it, so all of it commits or none. A nested
 * call joins the outer transaction inside a savepoint: when the nested work throws, what it wrote
 * is rolled back to the savepoint and the exception propagates, leaving the outer transaction
 * usable (on PostgreSQL an SQL error would otherwise doom it). Work on another thread does not
 * join.
 *
 * <p>Thread-safe: one instance serves every thread.
 */
public final class JdbiTransactions implements Transactions {
  private final Database database;
  private final Jdbi jdbi;
  private final ThreadLocal<Handle> current = new ThreadLocal<>();
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  /** Transactions on this database. */
  public JdbiTransactions(Database database) {
    this.database = database;
    this.jdbi = database.jdbi();
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Handle joined = current.get();
    if (joined != null) {
      return inSavepoint(joined, work);
    }
    try {
      return inNewTransaction(work);
    } catch (RuntimeException e) {
      throw Unavailability.translate(e);
    }
  }

  private <T> T inNewTransaction(Supplier<T> work) {
    try (Handle handle = jdbi.open()) {
      handle.begin();
      current.set(handle);
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        rollback(handle, e);
        throw e;
      } finally {
        current.remove();
      }
      handle.commit();
      return result;
    }
  }

  private <T> T inSavepoint(Handle handle, Supplier<T> work) {
    int[] level = depth.get();
    String name = "nested_" + ++level[0];
    try {
      handle.savepoint(name);
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        try {
          handle.rollbackToSavepoint(name);
        } catch (RuntimeException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
      handle.releaseSavepoint(name);
      return result;
    } finally {
      level[0]--;
    }
  }

  private static void rollback(Handle handle, Throwable cause) {
    try {
      handle.rollback();
    } catch (RuntimeException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  /** Whether a transaction is open on this thread. */
  boolean active() {
    return current.get() != null;
  }

  /**
   * Runs one or more statements that need no atomicity together: on the thread's transaction, or on
   * a short autocommit connection.
   */
  <T> T withHandle(Function<Handle, T> work) {
    Handle joined = current.get();
    if (joined != null) {
      return work.apply(joined);
    }
    try (Handle handle = jdbi.open()) {
      return work.apply(handle);
    } catch (RuntimeException e) {
      throw Unavailability.translate(e);
    }
  }

  /**
   * Runs statements that must commit together: in the thread's transaction (plainly joined, no
   * savepoint: a repository's own statements are all-or-nothing with their caller's), or in a new
   * one.
   */
  <T> T transactionally(Function<Handle, T> work) {
    Handle joined = current.get();
    if (joined != null) {
      return work.apply(joined);
    }
    return inTransaction(() -> work.apply(current.get()));
  }

  /**
   * A stream read through a cursor. Joined to the thread's transaction when there is one (the
   * stream must then be closed before it ends); otherwise on a connection of its own, in a
   * read-only use of a transaction (PostgreSQL streams a result only with autocommit off), which
   * closing the stream ends and gives back.
   */
  <T> Stream<T> stream(Function<Handle, Stream<T>> open) {
    Handle joined = current.get();
    if (joined != null) {
      return open.apply(joined);
    }
    Handle handle;
    try {
      handle = jdbi.open();
    } catch (RuntimeException e) {
      throw Unavailability.translate(e);
    }
    try {
      handle.begin();
      return open.apply(handle)
          .onClose(
              () -> {
                try {
                  handle.rollback();
                } finally {
                  handle.close();
                }
              });
    } catch (RuntimeException | Error e) {
      try {
        rollback(handle, e);
      } finally {
        handle.close();
      }
      if (e instanceof RuntimeException failure) {
        throw Unavailability.translate(failure);
      }
      throw e;
    }
  }

  /** The connected database's vendor. */
  Vendor vendor() {
    return database.vendor();
  }
}
